package dev.snel.internal.streaming;

import org.jspecify.annotations.Nullable;

/** Encodes one streamed item as compact JSON (no line breaks), through a compiled schema. */
@FunctionalInterface
public interface ItemEncoder {
  /** The item's JSON; throws a response-validation error for an item that does not fit. */
  byte[] encode(@Nullable Object item);
}
