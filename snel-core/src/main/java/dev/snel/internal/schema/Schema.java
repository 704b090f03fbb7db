package dev.snel.internal.schema;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.node.ObjectNode;

/**
 * One type compiled once: how to decode and coerce it from JSON (collecting pydantic-style errors),
 * how to encode it (response-model filtering included), and its JSON Schema. The pydantic-core
 * idea: decode, validate, encode and document all read this one object.
 *
 * <p>Immutable and thread-safe once compiled.
 */
public abstract class Schema {

  /**
   * Decodes the value whose first token is the parser's current token, leaving the parser on its
   * last token. Returns {@link Decoding#INVALID} after recording errors in {@code decoding}.
   */
  public abstract Object decode(JsonParser parser, Decoding decoding);

  /**
   * Writes a Java value as this type; a value that does not fit is recorded in {@code encoding} (a
   * response-validation error) and written as null.
   */
  public abstract void encode(Object value, JsonGenerator generator, Encoding encoding);

  /** This type's JSON Schema (2020-12, as OpenAPI 3.1 uses it); models become references. */
  public abstract ObjectNode jsonSchema(JsonSchemas schemas);

  /** Whether JSON null is a valid value (Optional, nullable fields). */
  public boolean acceptsNull() {
    return false;
  }

  /** The value a missing optional member takes; null when there is none. */
  public @Nullable Object absentValue() {
    return null;
  }
}
