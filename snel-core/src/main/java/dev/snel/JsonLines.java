package dev.snel;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A response of JSON Lines ({@code application/x-ndjson}): one JSON value per line, each written
 * and flushed as it is produced, like FastAPI's generator routes. Each item is encoded through the
 * item type's schema with the route's response-model options, and OpenAPI documents the stream's
 * item schema.
 *
 * <pre>{@code
 * @Get("/stream/lines")
 * public JsonLines<Line> lines(@Query int count) {
 *   return JsonLines.of(IntStream.range(0, count).mapToObj(Line::new));
 * }
 * }</pre>
 *
 * <p>Threading, backpressure and the client going away are as for {@link EventStream}: the producer
 * runs on a virtual thread and may block, {@code send} blocks while the client is slow, and a
 * client that leaves interrupts the producer, after which Snel logs one line and runs the {@link
 * #onClose(Runnable) close actions} and the request's cleanups. There are no keep-alive pings (the
 * format has no comments).
 *
 * @param <T> the type of the items
 */
public final class JsonLines<T> extends ItemStream<JsonLines<T>> {
  /** The media type of the response. */
  public static final String MEDIA_TYPE = "application/x-ndjson";

  private final Producer<T> producer;

  /** Produces the lines of a stream on a virtual thread, sending them on the sink. */
  @FunctionalInterface
  public interface Producer<T> {
    /** Sends the items; returning ends the stream. */
    void produce(Sink<T> sink) throws Exception;
  }

  /** Where a producer sends items; each line is written and flushed before {@code send} returns. */
  @FunctionalInterface
  public interface Sink<T> {
    /**
     * Sends the item as one line of JSON.
     *
     * @throws UncheckedIOException when the client has gone away
     */
    void send(T item);
  }

  private JsonLines(Producer<T> producer) {
    this.producer = producer;
  }

  /** A stream whose producer runs when the response is sent. */
  public static <T> JsonLines<T> generate(Producer<T> producer) {
    return new JsonLines<>(Objects.requireNonNull(producer, "producer"));
  }

  /**
   * A line per item, pulled as the client reads; the stream is closed when the response ends, or
   * was never sent.
   */
  public static <T> JsonLines<T> of(Stream<? extends T> items) {
    return JsonLines.<T>from(items.iterator()).onClose(items::close);
  }

  /** A line per item of the iterator, pulled as the client reads. */
  public static <T> JsonLines<T> from(Iterator<? extends T> items) {
    return generate(
        sink -> {
          while (items.hasNext()) {
            sink.send(items.next());
          }
        });
  }

  /** The producer, for the server that sends the stream. */
  public Producer<T> producer() {
    return producer;
  }
}
