package dev.snel;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A response of Server-Sent Events ({@code text/event-stream}): FastAPI's {@code
 * EventSourceResponse} over a generator. Return one from a handler; each item becomes an event
 * whose {@code data} is the item as JSON, encoded through the item type's schema with the route's
 * response-model options, and documented in OpenAPI as the stream's item schema.
 *
 * <pre>{@code
 * @Get("/chat")
 * public EventStream<Token> chat(@Query String prompt) {
 *   return EventStream.generate(sink -> {
 *     model.generate(prompt, word -> sink.send(new Token(word))); // blocks between tokens
 *     sink.sendEvent(ServerSentEvent.of(Map.of()).event("done"));
 *   });
 * }
 * }</pre>
 *
 * <p>The response has no {@code Content-Length}, {@code Cache-Control: no-cache} and {@code
 * X-Accel-Buffering: no} (so that nginx passes events on at once). Each event is flushed as soon as
 * it is sent. While the producer sends nothing for {@link #pingEvery(Duration) a while} (15 s by
 * default, as FastAPI), a {@code : ping} comment keeps proxies from closing the idle connection.
 * Send a {@link ServerSentEvent} to choose an event's name, id, retry time or comment. A
 * reconnecting browser's {@code Last-Event-ID} is an ordinary header parameter: {@code @Header
 * Optional<String> lastEventId}.
 *
 * <p>Threading: the producer runs on a virtual thread of the server's, after the status line and
 * headers are sent, and may block (on a model, a queue, a socket); {@code send} blocks while the
 * client is slow to read, so a slow client slows the producer rather than filling memory. Pings are
 * written from another thread, never in the middle of an event. When the client goes away the
 * producer's thread is interrupted and {@code send} throws {@link UncheckedIOException}: let either
 * propagate. Snel logs one line, runs the {@link #onClose(Runnable) close actions}, then the
 * request's cleanups. A HEAD request runs no producer, only the close actions.
 *
 * @param <T> the type of the items, the schema of each event's data
 */
public final class EventStream<T> extends ItemStream<EventStream<T>> {
  /** FastAPI's interval between keep-alive pings. */
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(15);

  private final Producer<T> producer;
  private volatile Duration pingInterval = DEFAULT_PING_INTERVAL;

  /** Produces the events of a stream on a virtual thread, sending them on the sink. */
  @FunctionalInterface
  public interface Producer<T> {
    /** Sends the events; returning ends the stream. */
    void produce(Sink<T> sink) throws Exception;
  }

  /** Where a producer sends events; each is written and flushed before {@code send} returns. */
  public interface Sink<T> {
    /**
     * Sends the item as an event's {@code data}; a {@link ServerSentEvent} item is sent as it is.
     *
     * @throws UncheckedIOException when the client has gone away
     */
    void send(T item);

    /**
     * Sends an event with the fields you chose.
     *
     * @throws UncheckedIOException when the client has gone away
     */
    void sendEvent(ServerSentEvent event);
  }

  private EventStream(Producer<T> producer) {
    this.producer = producer;
  }

  /** A stream whose producer runs when the response is sent. */
  public static <T> EventStream<T> generate(Producer<T> producer) {
    return new EventStream<>(Objects.requireNonNull(producer, "producer"));
  }

  /**
   * A stream of the items, one event each, pulled as the client reads (a lazy {@code Stream} is
   * produced as it is sent); the stream is closed when the response ends, or was never sent.
   */
  public static <T> EventStream<T> of(Stream<? extends T> items) {
    return EventStream.<T>from(items.iterator()).onClose(items::close);
  }

  /** A stream of the iterator's items, one event each, pulled as the client reads. */
  public static <T> EventStream<T> from(Iterator<? extends T> items) {
    return generate(
        sink -> {
          while (items.hasNext()) {
            sink.send(items.next());
          }
        });
  }

  /**
   * Sends a {@code : ping} comment whenever nothing was sent for this long; zero turns pings off.
   */
  public EventStream<T> pingEvery(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("a ping interval must not be negative");
    }
    this.pingInterval = interval;
    return this;
  }

  /** The interval between keep-alive pings; zero when they are off. */
  public Duration pingInterval() {
    return pingInterval;
  }

  /** The producer, for the server that sends the stream. */
  public Producer<T> producer() {
    return producer;
  }
}
