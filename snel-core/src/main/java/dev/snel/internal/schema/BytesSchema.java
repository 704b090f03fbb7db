package dev.snel.internal.schema;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code byte[]} as a base64 string, in both directions. pydantic reads and writes bytes as UTF-8
 * text unless configured for base64; Snel always uses base64, so any bytes survive the trip.
 * Reading is pydantic's {@code val_json_bytes="base64"}: the URL-safe alphabet or the standard one,
 * padding optional, and its {@code bytes_invalid_encoding} error. Writing uses the standard
 * alphabet, padded.
 */
final class BytesSchema extends Schema {
  static final BytesSchema INSTANCE = new BytesSchema();

  private static final String URL_SAFE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return decoding.failHere(parser, "bytes_type", "Input should be a valid bytes");
    }
    String raw = parser.getString();
    int bad = firstInvalid(raw, URL_SAFE);
    // like pydantic: URL-safe first, the standard alphabet when that fails on '+' or '/'
    boolean standard = bad >= 0 && (raw.charAt(bad) == '+' || raw.charAt(bad) == '/');
    if (standard) {
      bad = firstInvalid(raw, URL_SAFE.substring(0, 62) + "+/");
    }
    if (bad >= 0) {
      return invalid(
          decoding, raw, "Invalid symbol " + (int) raw.charAt(bad) + ", offset " + bad + ".");
    }
    try {
      return (standard ? Base64.getDecoder() : Base64.getUrlDecoder()).decode(raw);
    } catch (IllegalArgumentException e) {
      return invalid(decoding, raw, "Invalid input length: " + raw.length());
    }
  }

  /** The index of the first character outside the alphabet and the trailing padding; -1 if none. */
  private static int firstInvalid(String raw, String alphabet) {
    int end = raw.length();
    while (end > 0 && raw.charAt(end - 1) == '=' && raw.length() - end < 2) {
      end--;
    }
    for (int i = 0; i < end; i++) {
      if (alphabet.indexOf(raw.charAt(i)) < 0) {
        return i;
      }
    }
    return -1;
  }

  private static Object invalid(Decoding decoding, String raw, String error) {
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("encoding", "base64");
    ctx.put("encoding_error", error);
    return decoding.fail(
        "bytes_invalid_encoding", "Data should be valid base64: " + error, raw, ctx);
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
