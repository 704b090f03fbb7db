package dev.snel.internal.schema;

import dev.snel.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collects the JSON Schemas of models and enums as named definitions while schemas describe
 * themselves, so each model is described once and referred to by {@code $ref}. One instance per
 * document and mode (input: what requests may send; output: what responses contain).
 */
public final class JsonSchemas {
  private final String refPrefix;
  private final boolean output;
  private final Map<String, ObjectNode> definitions = new LinkedHashMap<>();
  private final Map<String, Object> owners = new LinkedHashMap<>();

  /**
   * @param refPrefix where definitions live, e.g. {@code #/components/schemas/} or {@code #/$defs/}
   * @param output whether to describe responses (output) rather than requests (input)
   */
  public JsonSchemas(String refPrefix, boolean output) {
    this.refPrefix = refPrefix;
    this.output = output;
  }

  /** Whether the schemas describe output. */
  public boolean output() {
    return output;
  }

  /** A new empty JSON object. */
  public ObjectNode node() {
    return Json.mapper().createObjectNode();
  }

  tools.jackson.databind.ObjectMapper mapper() {
    return Json.mapper();
  }

  /**
   * A {@code $ref} to the named definition, describing it first if it is new. Two different types
   * with the same name get distinct names ({@code Item}, {@code Item2}).
   *
   * @param owner what the definition describes: definitions of equal owners are one
   */
  ObjectNode component(String name, Object owner, Supplier<ObjectNode> describe) {
    String unique = name;
    for (int n = 2; owners.containsKey(unique) && !owners.get(unique).equals(owner); n++) {
      unique = name + n;
    }
    if (!owners.containsKey(unique)) {
      owners.put(unique, owner);
      definitions.put(unique, null); // reserved first: a recursive model refers to itself
      definitions.put(unique, describe.get());
    }
    return node().put("$ref", refPrefix + unique);
  }

  /** The JSON Schema of a type, with definitions collected here. */
  public ObjectNode describe(Schema schema) {
    return schema.jsonSchema(this);
  }

  /** The definitions collected so far, by name, in the order first described. */
  public Map<String, ObjectNode> definitions() {
    return definitions;
  }

  /** A standalone document: the type's schema with its definitions under {@code $defs}. */
  public static ObjectNode standalone(Schema schema, boolean output) {
    JsonSchemas schemas = new JsonSchemas("#/$defs/", output);
    ObjectNode root = schemas.describe(schema);
    if (!schemas.definitions.isEmpty()) {
      ObjectNode document = Json.mapper().createObjectNode();
      document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
      document.setAll(root);
      ObjectNode defs = document.putObject("$defs");
      schemas.definitions.forEach(defs::set);
      return document;
    }
    return root;
  }
}
