package dev.snel.internal.schema;

import dev.snel.internal.values.ConversionException;
import dev.snel.internal.values.ScalarConverter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Map<K, V>}: JSON objects; keys converted like path parameters (strings, numbers,
 * enums...).
 */
final class MapSchema extends Schema {
  private final ScalarConverter keys;
  private final Schema values;

  MapSchema(ScalarConverter keys, Schema values) {
    this.keys = keys;
    this.values = values;
  }

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return decoding.failHere(parser, "dict_type", "Input should be a valid dictionary");
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    int before = decoding.errorCount();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      decoding.push(name);
      Object key;
      try {
        key = keys.convert(name);
      } catch (ConversionException e) {
        decoding.push("[key]");
        key = decoding.fail(e, name);
        decoding.pop();
      }
      Object value = values.decode(parser, decoding);
      decoding.pop();
      map.put(key, value);
    }
    return decoding.errorCount() > before ? Decoding.INVALID : Collections.unmodifiableMap(map);
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    if (!(value instanceof Map<?, ?> map)) {
      encoding.fail("dict_type", "Input should be a valid dictionary", value);
      generator.writeNull();
      return;
    }
    generator.writeStartObject();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = entry.getKey() instanceof Enum<?> e ? e.name() : String.valueOf(entry.getKey());
      generator.writeName(name);
      encoding.push(name);
      values.encode(entry.getValue(), generator, encoding);
      encoding.pop();
    }
    generator.writeEndObject();
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    ObjectNode node = schemas.node().put("type", "object");
    node.set("additionalProperties", values.jsonSchema(schemas));
    return node;
  }
}
