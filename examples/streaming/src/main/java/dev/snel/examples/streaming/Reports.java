package dev.snel.examples.streaming;

import dev.snel.Default;
import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Response;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Bodies written while they are sent: a CSV report read row by row from a database cursor that a
 * dependency opens and Snel closes once the report has been sent, and a countdown that sends each
 * line as soon as it is written.
 */
public final class Reports {
  /** A fake sales database: it makes rows up, and writes down what happened to its cursors. */
  public static final class Sales {
    private final List<String> events = new CopyOnWriteArrayList<>();

    /** A cursor over the first {@code rows} sales. */
    public Cursor query(int rows) {
      events.add("cursor opened");
      return new Cursor(this, rows);
    }

    /** What happened so far. */
    public List<String> events() {
      return List.copyOf(events);
    }
  }

  /** Rows one at a time, as a database cursor hands them out; closed with the request. */
  public static final class Cursor implements Iterator<String>, AutoCloseable {
    private static final String[] REGIONS = {"north", "east", "south", "west"};

    private final Sales sales;
    private final int rows;
    private int read;
    private boolean closed;

    Cursor(Sales sales, int rows) {
      this.sales = sales;
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      return read < rows;
    }

    @Override
    public String next() {
      if (closed) {
        throw new IllegalStateException("the cursor is closed");
      }
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int id = ++read;
      return id + "," + REGIONS[id % REGIONS.length] + "," + (id * 37 % 1000) + ".00\n";
    }

    @Override
    public void close() {
      closed = true;
      sales.events.add("cursor closed after " + read + " rows");
    }
  }

  /** FastAPI's {@code get_db} with {@code yield}: a cursor per request, closed by Snel. */
  public static final class OpenCursor {
    /** The cursor; Snel closes it, because it is AutoCloseable, once the body has been sent. */
    public static Cursor open(Sales sales, @Default("1000") int rows) {
      return sales.query(rows);
    }
  }

  /** The report, row by row: the cursor is still open while the body is written. */
  @Get("/reports/sales.csv")
  public Response sales(@Depends(OpenCursor.class) Cursor cursor) {
    return Response.stream(
        "text/csv",
        out -> {
          out.write("id,region,amount\n".getBytes(StandardCharsets.UTF_8));
          while (cursor.hasNext()) {
            // blocks while the client is slow to read: never more than a few KiB wait here
            out.write(cursor.next().getBytes(StandardCharsets.UTF_8));
          }
        });
  }

  /** One line a second, each sent at once; stops when the client goes away. */
  @Get("/reports/countdown")
  public Response countdown(@Default("3") int from) {
    return Response.stream(
        "text/plain",
        out -> {
          for (int i = from; i > 0; i--) {
            out.write((i + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush(); // sent now, not once 8 KiB have gathered
            Thread.sleep(1000); // interrupted if the client goes away
          }
          out.write("liftoff\n".getBytes(StandardCharsets.UTF_8));
        });
  }

  /** What happened to the cursors. */
  @Get("/reports/events")
  public List<String> events(Sales sales) {
    return sales.events();
  }
}
