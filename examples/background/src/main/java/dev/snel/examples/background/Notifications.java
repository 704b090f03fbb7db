package dev.snel.examples.background;

import dev.snel.BackgroundTasks;
import dev.snel.BackgroundTasks.Retry;
import dev.snel.Depends;
import dev.snel.Post;
import dev.snel.Scope;
import dev.snel.Snel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FastAPI's background tasks tutorial (a task added by the handler and one by a dependency), and
 * two things Snel adds: a task retried with backoff, and a database session that stays open until
 * the request's tasks are done.
 */
public final class Notifications {
  private Notifications() {}

  /** The log file the tasks append to: FastAPI's {@code write_log}. */
  public record Log(Path file) {
    /** Appends the message. */
    public synchronized void write(String message) {
      try {
        Files.writeString(
            file,
            message,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** FastAPI's {@code get_query}: a dependency that adds a task of its own. */
  public static final class GetQuery {
    private final Log log;

    /** The app creates one, with the log it was given. */
    public GetQuery(Log log) {
      this.log = log;
    }

    /** The query, logged after the response when there is one. */
    public Optional<String> getQuery(BackgroundTasks backgroundTasks, Optional<String> q) {
      if (q.isPresent()) {
        String message = "found query: " + q.get() + "\n";
        backgroundTasks.add(() -> log.write(message));
      }
      return q;
    }
  }

  /** A mail server that fails the first few sends, as a flaky one does. */
  public static final class Mailer {
    private final AtomicInteger failuresLeft;
    private final List<String> sent = new CopyOnWriteArrayList<>();

    /** A mailer that fails this many times before it works. */
    public Mailer(int failures) {
      this.failuresLeft = new AtomicInteger(failures);
    }

    /** Sends the mail, or throws while the server is down. */
    public void send(String to, String text) {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("the mail server did not answer");
      }
      sent.add(to + ": " + text);
    }

    /** The mails sent. */
    public List<String> sent() {
      return sent;
    }
  }

  /** The stored reports, and the sessions that read them. */
  public static final class Database {
    private final List<String> events = new CopyOnWriteArrayList<>();

    /** What happened, in order. */
    public List<String> events() {
      return events;
    }

    /** A new session. */
    public Session open() {
      return new Session(events);
    }
  }

  /** One unit of work on the database; unusable once closed. */
  public static final class Session implements AutoCloseable {
    private final List<String> events;
    private volatile boolean closed;

    Session(List<String> events) {
      this.events = events;
    }

    /** Records a query; fails once the session is closed. */
    public String query(String what) {
      if (closed) {
        throw new IllegalStateException("the session is closed");
      }
      events.add("query " + what);
      return "rows of " + what;
    }

    @Override
    public void close() {
      closed = true;
      events.add("session closed");
    }
  }

  /** A session the request's background tasks may still use: closed once they are done. */
  public static final class GetSessionForTasks {
    private final Database database;

    /** The app creates one, with the database it was given. */
    public GetSessionForTasks(Database database) {
      this.database = database;
    }

    /** A new session, closed after the request's background tasks (Snel closes it). */
    public Session get(Scope scope) {
      Session session = database.open();
      scope.deferAfterBackgroundTasks(
          failure -> database.events().add(failure == null ? "commit" : "rollback"));
      return session;
    }
  }

  /** The routes. */
  public static final class Routes {
    private final Log log;
    private final Mailer mailer;

    Routes(Log log, Mailer mailer) {
      this.log = log;
      this.mailer = mailer;
    }

    /** FastAPI's send_notification: a task here, and one in the dependency. */
    @Post("/send-notification/{email}")
    public Map<String, String> sendNotification(
        String email,
        BackgroundTasks backgroundTasks,
        @Depends(GetQuery.class) Optional<String> q) {
      String message = "message to " + email + "\n";
      backgroundTasks.add(() -> log.write(message));
      return Map.of("message", "Message sent");
    }

    /** Sends the welcome mail after the response, trying up to 3 times, 100 ms apart, doubling. */
    @Post("/welcome/{email}")
    public Map<String, String> welcome(String email, BackgroundTasks backgroundTasks) {
      backgroundTasks.add(
          () -> mailer.send(email, "Welcome!"), Retry.attempts(3).backoff(Duration.ofMillis(100)));
      return Map.of("message", "Welcome mail queued");
    }

    /** Builds the report after the response, in the request's session. */
    @Post("/reports/{name}")
    public Map<String, String> report(
        String name,
        BackgroundTasks backgroundTasks,
        @Depends(GetSessionForTasks.class) Session session) {
      backgroundTasks.add(() -> session.query(name));
      return Map.of("message", "Report queued");
    }
  }

  /** The app: writing to this log, mailing through this mailer, reading this database. */
  public static Snel app(Path logFile, Mailer mailer, Database database) {
    Log log = new Log(logFile);
    return Snel.create().provide(log).provide(database).include(new Routes(log, mailer));
  }
}
