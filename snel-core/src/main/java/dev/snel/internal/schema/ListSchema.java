package dev.snel.internal.schema;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.node.ObjectNode;

/** {@code List<T>}, {@code Set<T>} and {@code T[]}: JSON arrays; errors name the item's index. */
final class ListSchema extends Schema {
  enum Kind {
    LIST,
    SET,
    ARRAY
  }

  private final Schema item;
  private final Kind kind;
  private final @Nullable Class<?> arrayComponent;

  ListSchema(Schema item, Kind kind, @Nullable Class<?> arrayComponent) {
    this.item = item;
    this.kind = kind;
    this.arrayComponent = arrayComponent;
  }

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      return kind == Kind.SET
          ? decoding.failHere(parser, "set_type", "Input should be a valid set")
          : decoding.failHere(parser, "list_type", "Input should be a valid list");
    }
    List<Object> values = new ArrayList<>();
    int before = decoding.errorCount();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      decoding.push(index++);
      values.add(item.decode(parser, decoding));
      decoding.pop();
    }
    if (decoding.errorCount() > before) {
      return Decoding.INVALID;
    }
    return switch (kind) {
      case LIST -> Collections.unmodifiableList(values);
      case SET -> Collections.unmodifiableSet(new LinkedHashSet<>(values));
      case ARRAY -> toArray(values);
    };
  }

  private Object toArray(List<Object> values) {
    Object array = Array.newInstance(arrayComponent, values.size());
    for (int i = 0; i < values.size(); i++) {
      Array.set(array, i, values.get(i));
    }
    return array;
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    if (value != null && value.getClass().isArray()) {
      generator.writeStartArray();
      int length = Array.getLength(value);
      for (int i = 0; i < length; i++) {
        encoding.push(i);
        item.encode(Array.get(value, i), generator, encoding);
        encoding.pop();
      }
      generator.writeEndArray();
    } else if (value instanceof Iterable<?> items) {
      generator.writeStartArray();
      int i = 0;
      for (Object element : items) {
        encoding.push(i++);
        item.encode(element, generator, encoding);
        encoding.pop();
      }
      generator.writeEndArray();
    } else {
      encoding.fail("list_type", "Input should be a valid list", value);
      generator.writeNull();
    }
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    ObjectNode node = schemas.node().put("type", "array");
    node.set("items", item.jsonSchema(schemas));
    if (kind == Kind.SET) {
      node.put("uniqueItems", true);
    }
    return node;
  }
}
