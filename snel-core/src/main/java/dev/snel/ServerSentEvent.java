package dev.snel;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One Server-Sent Event whose fields you choose: FastAPI's {@code ServerSentEvent}. Send it on an
 * {@link EventStream} when an event needs a name, an id, a reconnection time or a comment; a plain
 * item sent on the stream becomes an event with only {@code data}.
 *
 * <pre>{@code
 * sink.sendEvent(ServerSentEvent.of(token).event("token").id("42"));
 * sink.sendEvent(ServerSentEvent.of(Map.of()).event("done")); // event: done / data: {}
 * sink.sendEvent(ServerSentEvent.raw("[DONE]"));              // data: [DONE]
 * sink.sendEvent(ServerSentEvent.empty().comment("still thinking"));
 * }</pre>
 *
 * <p>{@link #of(Object) data} is always JSON, written through its class's schema as a response
 * model is (a string is quoted: {@code data: "hello"}); {@link #raw(String) raw data} is sent as it
 * is. Data and comments with line breaks become several {@code data:} or {@code :} lines, which a
 * browser's {@code EventSource} joins back with {@code \n}. The name and the id must be one line.
 *
 * <p>Immutable: each setter returns a new event.
 */
public final class ServerSentEvent {
  private static final ServerSentEvent EMPTY =
      new ServerSentEvent(null, null, null, null, null, null);

  private final @Nullable Object data;
  private final @Nullable String rawData;
  private final @Nullable String event;
  private final @Nullable String id;
  private final @Nullable Duration retry;
  private final @Nullable String comment;

  private ServerSentEvent(
      @Nullable Object data,
      @Nullable String rawData,
      @Nullable String event,
      @Nullable String id,
      @Nullable Duration retry,
      @Nullable String comment) {
    this.data = data;
    this.rawData = rawData;
    this.event = event;
    this.id = id;
    this.retry = retry;
    this.comment = comment;
  }

  /** An event whose {@code data} is the value as JSON: a model, a map, a list, a string... */
  public static ServerSentEvent of(Object data) {
    return new ServerSentEvent(Objects.requireNonNull(data, "data"), null, null, null, null, null);
  }

  /**
   * An event whose {@code data} is the text as it is, not JSON: a sentinel such as {@code [DONE]},
   * an HTML fragment, a CSV line.
   */
  public static ServerSentEvent raw(String data) {
    return new ServerSentEvent(null, Objects.requireNonNull(data, "data"), null, null, null, null);
  }

  /** An event with no data yet: give it a {@link #comment(String) comment} or a name. */
  public static ServerSentEvent empty() {
    return EMPTY;
  }

  /**
   * The same event with this name ({@code event:}), which a browser dispatches to {@code
   * addEventListener(name, ...)} instead of {@code onmessage}.
   *
   * @throws IllegalArgumentException if the name has a line break
   */
  public ServerSentEvent event(String name) {
    return new ServerSentEvent(data, rawData, oneLine(name, "event"), id, retry, comment);
  }

  /**
   * The same event with this id ({@code id:}); a reconnecting browser sends the last one it saw as
   * the {@code Last-Event-ID} header.
   *
   * @throws IllegalArgumentException if the id has a line break or a NUL character
   */
  public ServerSentEvent id(String id) {
    if (id.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an SSE id must not contain NUL characters");
    }
    return new ServerSentEvent(data, rawData, event, oneLine(id, "id"), retry, comment);
  }

  /**
   * The same event telling the browser to wait this long before reconnecting ({@code retry:}, in
   * whole milliseconds).
   *
   * @throws IllegalArgumentException if the time is negative
   */
  public ServerSentEvent retry(Duration retry) {
    if (retry.isNegative()) {
      throw new IllegalArgumentException("an SSE retry time must not be negative");
    }
    return new ServerSentEvent(data, rawData, event, id, retry, comment);
  }

  /**
   * The same event with a comment ({@code :} lines), which clients ignore: a keep-alive, or a note
   * for someone reading the stream with curl.
   */
  public ServerSentEvent comment(String comment) {
    return new ServerSentEvent(
        data, rawData, event, id, retry, Objects.requireNonNull(comment, "comment"));
  }

  /** The data sent as JSON, if any. */
  public Optional<Object> data() {
    return Optional.ofNullable(data);
  }

  /** The data sent as it is, if any. */
  public Optional<String> rawData() {
    return Optional.ofNullable(rawData);
  }

  /** The event's name, if any. */
  public Optional<String> event() {
    return Optional.ofNullable(event);
  }

  /** The event's id, if any. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** The reconnection time, if any. */
  public Optional<Duration> retry() {
    return Optional.ofNullable(retry);
  }

  /** The comment, if any. */
  public Optional<String> comment() {
    return Optional.ofNullable(comment);
  }

  @Override
  public String toString() {
    return "ServerSentEvent[event="
        + event
        + ", id="
        + id
        + ", data="
        + (rawData != null ? rawData : data)
        + "]";
  }

  private static String oneLine(String value, String field) {
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an SSE " + field + " must be a single line");
    }
    return value;
  }
}
