package dev.snel.internal.routing;

import dev.snel.EventStream;
import dev.snel.JsonLines;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * Whether a route's result is one body or a stream of items, and in which format: read from the
 * declared result type at startup, so that the item type's encoder is compiled then and OpenAPI
 * documents the stream.
 */
public enum Streaming {
  /** One body: the result encoded as JSON. */
  NONE(null),
  /** Server-Sent Events, from an {@link EventStream}. */
  EVENTS("text/event-stream"),
  /** JSON Lines, from a {@link JsonLines}. */
  JSON_LINES(JsonLines.MEDIA_TYPE);

  private final @Nullable String mediaType;

  Streaming(@Nullable String mediaType) {
    this.mediaType = mediaType;
  }

  /** The media type documented for the stream; null for {@link #NONE}. */
  public @Nullable String mediaType() {
    return mediaType;
  }

  /** How a result of this declared type is sent. */
  static Streaming of(Type resultType) {
    Class<?> raw =
        resultType instanceof Class<?> c
            ? c
            : resultType instanceof ParameterizedType p && p.getRawType() instanceof Class<?> r
                ? r
                : Object.class;
    if (raw == EventStream.class) {
      return EVENTS;
    }
    return raw == JsonLines.class ? JSON_LINES : NONE;
  }

  /** The item type of a declared stream type; Object when it is raw or a wildcard. */
  static Type itemType(Type resultType) {
    if (resultType instanceof ParameterizedType p) {
      Type item = p.getActualTypeArguments()[0];
      if (item instanceof java.lang.reflect.WildcardType wildcard) {
        item = wildcard.getUpperBounds()[0];
      }
      return item instanceof java.lang.reflect.TypeVariable<?> ? Object.class : item;
    }
    return Object.class;
  }
}
