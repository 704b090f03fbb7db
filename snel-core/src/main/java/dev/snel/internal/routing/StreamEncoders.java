package dev.snel.internal.routing;

import dev.snel.EventStream;
import dev.snel.JsonLines;
import dev.snel.Response;
import dev.snel.ServerSentEvent;
import dev.snel.internal.json.Json;
import dev.snel.internal.schema.Encoding;
import dev.snel.internal.schema.Schema;
import dev.snel.internal.schema.Schemas;
import dev.snel.internal.streaming.StreamBody;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Turns a route's {@link EventStream} or {@link JsonLines} into a streamed response: items through
 * the item type's encoder compiled at startup (with the route's response-model options), a {@link
 * ServerSentEvent}'s data through its own class's schema (as FastAPI dumps an event's model without
 * the route's filtering), compiled on first use and kept.
 */
final class StreamEncoders {
  private static final Logger LOG = LoggerFactory.getLogger(StreamEncoders.class);

  private final ResponseEncoder items;
  private final Schemas types;
  private final Map<Class<?>, ResponseEncoder> dataByClass = new ConcurrentHashMap<>();

  StreamEncoders(ResponseEncoder items, Schemas types) {
    this.items = items;
    this.types = types;
  }

  /** The response for a stream result, or null when the result is not a stream. */
  @Nullable Response toResponse(@Nullable Object result, String requestId) {
    return switch (result) {
      case EventStream<?> events ->
          Response.stream(
                  "text/event-stream; charset=utf-8",
                  StreamBody.events(events, items::encode, this::encodeData, requestId))
              .header("cache-control", "no-cache")
              .header("x-accel-buffering", "no") // nginx: pass each event on at once
              .afterWritten(() -> close(events, requestId)); // a body never written still closes
      case JsonLines<?> lines ->
          Response.stream(
                  JsonLines.MEDIA_TYPE, StreamBody.jsonLines(lines, items::encode, requestId))
              .afterWritten(() -> close(lines, requestId));
      case null, default -> null;
    };
  }

  /**
   * Runs the close actions of a stream whose body was not written; they may throw, the rest runs.
   */
  private static void close(AutoCloseable stream, String requestId) {
    try {
      stream.close();
    } catch (Exception e) {
      LOG.warn("A close action of the stream of request {} failed", requestId, e);
    }
  }

  private byte[] encodeData(@Nullable Object data) {
    if (data == null
        || data instanceof Map<?, ?>
        || data instanceof Collection<?>
        || data instanceof CharSequence
        || data instanceof Number
        || data instanceof Boolean
        || data instanceof JsonNode
        || data.getClass().isArray()) {
      return Json.encode(data == null ? Json.mapper().nullNode() : data);
    }
    return dataByClass.computeIfAbsent(data.getClass(), this::encoderOf).encode(data);
  }

  private ResponseEncoder encoderOf(Class<?> type) {
    Schema schema;
    try {
      schema = types.get(type);
    } catch (IllegalArgumentException e) {
      schema = types.get(Object.class); // no schema of its own: Jackson writes it as it is
    }
    return new ResponseEncoder(schema, Encoding.Options.ALL);
  }
}
