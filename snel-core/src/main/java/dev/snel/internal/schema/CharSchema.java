package dev.snel.internal.schema;

import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code char}: a JSON string of one character, refused like pydantic's {@code constr(min_length=1,
 * max_length=1)} otherwise.
 */
final class CharSchema extends Schema {
  static final CharSchema INSTANCE = new CharSchema();

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return decoding.failHere(parser, "string_type", "Input should be a valid string");
    }
    String raw = parser.getString();
    if (raw.isEmpty()) {
      return decoding.fail(
          "string_too_short",
          "String should have at least 1 character",
          raw,
          Map.of("min_length", 1));
    }
    if (raw.length() > 1) {
      return decoding.fail(
          "string_too_long",
          "String should have at most 1 character",
          raw,
          Map.of("max_length", 1));
    }
    return raw.charAt(0);
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    StringSchema.INSTANCE.encode(value, generator, encoding);
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    return schemas.node().put("type", "string").put("minLength", 1).put("maxLength", 1);
  }
}
