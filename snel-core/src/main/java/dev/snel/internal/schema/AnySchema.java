package dev.snel.internal.schema;

import dev.snel.internal.json.Json;
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
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    Json.mapper().writeValue(generator, value);
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
