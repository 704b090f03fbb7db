package dev.snel.internal.schema;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.node.ObjectNode;

/** {@code String}: only JSON strings, as pydantic's {@code str} (numbers are not coerced). */
final class StringSchema extends Schema {
  static final StringSchema INSTANCE = new StringSchema();

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return parser.getString();
    }
    return decoding.failHere(parser, "string_type", "Input should be a valid string");
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    if (value instanceof CharSequence || value instanceof Character) {
      generator.writeString(value.toString());
    } else {
      encoding.fail("string_type", "Input should be a valid string", value);
      generator.writeNull();
    }
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    return schemas.node().put("type", "string");
  }
}
