package dev.snel.internal.schema;

import java.util.Base64;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code byte[]} as a base64 string (standard alphabet, padded), in both directions. pydantic
 * reads and writes bytes as UTF-8 text unless configured for base64; Snel always uses base64,
 * so any bytes survive the trip.
 */
final class BytesSchema extends Schema {
  static final BytesSchema INSTANCE = new BytesSchema();

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return decoding.failHere(parser, "bytes_type", "Input should be a valid bytes");
    }
    String raw = parser.getString();
    try {
      return Base64.getDecoder().decode(raw);
    } catch (IllegalArgumentException e) {
      String error = "Base64 decoding error: '" + e.getMessage() + "'";
      return decoding.fail("base64_decode", "Base64 decoding error: " + e.getMessage(), raw, Map.of("error", error));
    }
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    if (value instanceof byte[] bytes) {
      generator.writeString(Base64.getEncoder().encodeToString(bytes));
    } else {
      encoding.fail("bytes_type", "Input should be a valid bytes", value);
      generator.writeNull();
    }
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    return schemas.node().put("type", "string").put("contentEncoding", "base64");
  }
}
