package dev.snel.internal.schema;

import dev.snel.internal.json.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Free-form JSON: {@code Object} (maps, lists, strings, numbers, booleans, null) or Jackson's
 * {@code JsonNode}. Anything decodes; encoding uses Jackson for whatever the value is.
 */
final class AnySchema extends Schema {
  private final boolean tree;

  AnySchema(boolean tree) {
    this.tree = tree;
  }

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    JsonNode node = parser.readValueAsTree();
    return tree ? node : Json.mapper().convertValue(node, Object.class);
  }

  @Override
  public void encode(@Nullable Object value, JsonGenerator generator, Encoding encoding) {
    // The usual values of a free-form map, written as Jackson writes them, without the
    // serialization context and serializer lookup that each mapper call costs
    switch (value) {
      case null -> generator.writeNull();
      case String text -> generator.writeString(text);
      case Integer number -> generator.writeNumber(number);
      case Long number -> generator.writeNumber(number);
      case Boolean bool -> generator.writeBoolean(bool);
      default -> Json.mapper().writeValue(generator, value);
    }
  }

  @Override
  public boolean acceptsNull() {
    return true;
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    return schemas.node();
  }
}
