package dev.snel.internal.schema;

import dev.snel.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sealed interface of records. With a discriminator, the tag member picks the record and
 * errors name the tag in their location ({@code ["body", "pet", "cat", "meows"]}); without one,
 * each record is tried in order and the first that fits wins, else every record's errors are
 * reported under its name, like pydantic's unions.
 */
final class UnionSchema extends Schema {
  private final String name;
  private final String discriminator;
  private final List<ObjectSchema> variants;
  private final Map<String, ObjectSchema> byTag = new LinkedHashMap<>();

  UnionSchema(String name, String discriminator, List<ObjectSchema> variants) {
    this.name = name;
    this.discriminator = discriminator;
    this.variants = variants;
    if (discriminator != null) {
      for (ObjectSchema variant : variants) {
        byTag.put(variant.tagValue(), variant);
      }
    }
  }

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return decoding.failHere(
          parser, "model_attributes_type", "Input should be a valid dictionary or object to extract fields from");
    }
    JsonNode tree = parser.readValueAsTree();
    return discriminator != null ? decodeTagged(tree, decoding) : decodeFirstFit(tree, decoding);
  }

  private Object decodeTagged(JsonNode tree, Decoding decoding) {
    String quoted = "'" + discriminator + "'";
    JsonNode tag = tree.get(discriminator);
    Object input = Json.mapper().convertValue(tree, Object.class);
    if (tag == null || !tag.isString()) {
      return decoding.fail(
          "union_tag_not_found",
          "Unable to extract tag using discriminator " + quoted,
          input,
          Map.of("discriminator", quoted));
    }
    ObjectSchema variant = byTag.get(tag.asString());
    if (variant == null) {
      String expected = String.join(", ", byTag.keySet().stream().map(t -> "'" + t + "'").toList());
      Map<String, Object> ctx = new LinkedHashMap<>();
      ctx.put("discriminator", quoted);
      ctx.put("tag", tag.asString());
      ctx.put("expected_tags", expected);
      return decoding.fail(
          "union_tag_invalid",
          "Input tag '" + tag.asString() + "' found using " + quoted
              + " does not match any of the expected tags: " + expected,
          input,
          ctx);
    }
    decoding.push(tag.asString());
    Object value = decodeFrom(variant, tree, decoding);
    decoding.pop();
    return value;
  }

  private Object decodeFirstFit(JsonNode tree, Decoding decoding) {
    List<Decoding> attempts = new ArrayList<>();
    for (ObjectSchema variant : variants) {
      Decoding attempt = new Decoding(null, List.of());
      Object value = decodeFrom(variant, tree, attempt);
      if (value != Decoding.INVALID) {
        return value;
      }
      attempts.add(attempt);
    }
    for (int i = 0; i < variants.size(); i++) {
      decoding.push(variants.get(i).name());
      for (var error : attempts.get(i).errors()) {
        for (Object segment : error.loc()) {
          decoding.push(segment);
        }
        decoding.fail(error.type(), error.msg(), error.input(), error.ctx());
        for (int s = 0; s < error.loc().size(); s++) {
          decoding.pop();
        }
      }
      decoding.pop();
    }
    return Decoding.INVALID;
  }

  private static Object decodeFrom(ObjectSchema variant, JsonNode tree, Decoding decoding) {
    try (JsonParser parser = Json.mapper().treeAsTokens(tree)) {
      parser.nextToken();
      return variant.decode(parser, decoding);
    }
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    for (ObjectSchema variant : variants) {
      if (variant.type().isInstance(value)) {
        variant.encode(value, generator, encoding);
        return;
      }
    }
    encoding.fail("union_type", "Input should be one of " + name + "'s records", value);
    generator.writeNull();
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    ObjectNode node = schemas.node();
    var oneOf = node.putArray(discriminator != null ? "oneOf" : "anyOf");
    ObjectNode mapping = schemas.node();
    for (ObjectSchema variant : variants) {
      ObjectNode ref = variant.jsonSchema(schemas);
      oneOf.add(ref);
      if (discriminator != null) {
        mapping.put(variant.tagValue(), ref.get("$ref").asString());
      }
    }
    if (discriminator != null) {
      ObjectNode d = node.putObject("discriminator");
      d.put("propertyName", discriminator);
      d.set("mapping", mapping);
    }
    return node;
  }
}
