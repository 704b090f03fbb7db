package dev.snel.internal.schema;

import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Optional<T>}: may be missing or null (pydantic's {@code T | None = None}). Encodes an
 * Optional, or a plain value or null read from another object (from_attributes).
 */
final class OptionalSchema extends Schema {
  private final Schema inner;

  OptionalSchema(Schema inner) {
    this.inner = inner;
  }

  Schema inner() {
    return inner;
  }

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return Optional.empty();
    }
    Object value = inner.decode(parser, decoding);
    return Decoding.invalid(value) ? value : Optional.of(value);
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    Object unwrapped = value instanceof Optional<?> optional ? optional.orElse(null) : value;
    if (unwrapped == null) {
      generator.writeNull();
    } else {
      inner.encode(unwrapped, generator, encoding);
    }
  }

  @Override
  public boolean acceptsNull() {
    return true;
  }

  @Override
  public Object absentValue() {
    return Optional.empty();
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    ObjectNode node = schemas.node();
    ObjectNode described = inner.jsonSchema(schemas);
    ArrayNode anyOf = node.putArray("anyOf");
    if (described.size() == 1 && described.has("anyOf")) {
      anyOf.addAll((ArrayNode) described.get("anyOf")); // flattened, as pydantic writes T | None
    } else {
      anyOf.add(described);
    }
    anyOf.add(schemas.node().put("type", "null"));
    return node;
  }
}
