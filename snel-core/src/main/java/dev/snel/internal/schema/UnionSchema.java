package dev.snel.internal.schema;

import dev.snel.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sealed interface of records. With a discriminator, the tag member picks the record and errors
 * name the tag in their location ({@code ["body", "pet", "cat", "meows"]}); without one, each
 * record is tried in order and the first that fits wins, else every record's errors are reported
 * under its name, like pydantic's unions.
 *
 * <p>The tags are the union's: the records' schemas are shared with their other uses (another union
 * with another discriminator, a route returning the record itself) and never changed.
 */
final class UnionSchema extends Schema {
  private final String name;
  private final @Nullable String discriminator;
  private final List<Variant> variants;
  private static final String NOT_AN_OBJECT =
      "Input should be a valid dictionary or object to extract fields from";

  private final Map<String, Variant> byTag = new LinkedHashMap<>();

  /**
   * A discriminated union's tag of one record: the member the union reads past and writes, and its
   * value.
   *
   * @param member the discriminator, the JSON member holding the tag
   * @param value this record's tag
   */
  record Tag(String member, String value) {}

  /**
   * One record of the union.
   *
   * @param schema the record's schema
   * @param tag its tag in this union; null in a union without a discriminator
   */
  record Variant(ObjectSchema schema, @Nullable Tag tag) {
    String name() {
      return schema.name();
    }

    Object decode(JsonParser parser, Decoding decoding) {
      return schema.decode(parser, decoding, tag);
    }
  }

  UnionSchema(String name, @Nullable String discriminator, List<Variant> variants) {
    this.name = name;
    this.discriminator = discriminator;
    this.variants = List.copyOf(variants);
    if (discriminator != null) {
      for (Variant variant : variants) {
        byTag.put(tagOf(variant).value(), variant);
      }
    }
  }

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      if (discriminator != null) {
        return decoding.failHere(parser, "model_attributes_type", NOT_AN_OBJECT);
      }
      // pydantic tries each record, and each refuses it
      Object input = Decoding.readInput(parser);
      for (Variant variant : variants) {
        decoding.push(variant.name());
        decoding.fail("model_attributes_type", NOT_AN_OBJECT, input, Map.of());
        decoding.pop();
      }
      return Decoding.INVALID;
    }
    long start = parser.currentTokenLocation().getByteOffset();
    JsonNode tree = parser.readValueAsTree();
    byte[] object = decoding.slice(start, parser);
    if (object == null) {
      object = Json.mapper().writeValueAsBytes(tree);
    }
    return discriminator != null
        ? decodeTagged(tree, object, decoding)
        : decodeFirstFit(object, decoding);
  }

  private Object decodeTagged(JsonNode tree, byte[] object, Decoding decoding) {
    String quoted = "'" + discriminator + "'";
    JsonNode tag = tree.get(discriminator);
    Object input = Json.mapper().convertValue(tree, Object.class);
    if (tag == null) {
      return decoding.fail(
          "union_tag_not_found",
          "Unable to extract tag using discriminator " + quoted,
          input,
          Map.of("discriminator", quoted));
    }
    Variant variant = tag.isString() ? byTag.get(tag.asString()) : null;
    if (variant == null) {
      String text = pythonText(tag);
      String expected = String.join(", ", byTag.keySet().stream().map(t -> "'" + t + "'").toList());
      Map<String, Object> ctx = new LinkedHashMap<>();
      ctx.put("discriminator", quoted);
      ctx.put("tag", text);
      ctx.put("expected_tags", expected);
      return decoding.fail(
          "union_tag_invalid",
          "Input tag '"
              + text
              + "' found using "
              + quoted
              + " does not match any of the expected tags: "
              + expected,
          input,
          ctx);
    }
    Attempt attempt = attempt(variant, object);
    if (!Decoding.invalid(attempt.value())) {
      return attempt.value();
    }
    report(decoding, tag.asString(), attempt.decoding());
    return Decoding.INVALID;
  }

  /** The tag as pydantic shows it: Python's str() of the JSON value (5, None, True). */
  private static String pythonText(JsonNode tag) {
    if (tag.isString()) {
      return tag.asString();
    }
    if (tag.isNull()) {
      return "None";
    }
    if (tag.isBoolean()) {
      return tag.asBoolean() ? "True" : "False";
    }
    return tag.toString();
  }

  private Object decodeFirstFit(byte[] object, Decoding decoding) {
    List<Decoding> failures = new ArrayList<>();
    for (Variant variant : variants) {
      Attempt attempt = attempt(variant, object);
      if (!Decoding.invalid(attempt.value())) {
        return attempt.value();
      }
      failures.add(attempt.decoding());
    }
    for (int i = 0; i < variants.size(); i++) {
      report(decoding, variants.get(i).name(), failures.get(i));
    }
    return Decoding.INVALID;
  }

  /**
   * One record's reading of the object, on its own, so a failed attempt leaves no errors behind.
   */
  private record Attempt(Object value, Decoding decoding) {}

  private static Attempt attempt(Variant variant, byte[] object) {
    Decoding decoding = new Decoding(object, List.of());
    try (JsonParser parser = Json.mapper().createParser(object)) {
      parser.nextToken();
      return new Attempt(variant.decode(parser, decoding), decoding);
    }
  }

  /**
   * Records an attempt's errors at the current location, under a segment (the tag or the record).
   */
  private static void report(Decoding decoding, Object segment, Decoding attempt) {
    decoding.push(segment);
    for (var error : attempt.errors()) {
      for (Object s : error.loc()) {
        decoding.push(s);
      }
      decoding.fail(error.type(), error.msg(), error.input(), error.ctx());
      for (int s = 0; s < error.loc().size(); s++) {
        decoding.pop();
      }
    }
    decoding.pop();
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    for (Variant variant : variants) {
      if (variant.schema().type().isInstance(value)) {
        variant.schema().encode(value, generator, encoding, variant.tag());
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
    for (Variant variant : variants) {
      ObjectNode ref = variant.schema().jsonSchema(schemas, variant.tag());
      oneOf.add(ref);
      if (discriminator != null) {
        mapping.put(tagOf(variant).value(), ref.get("$ref").asString());
      }
    }
    if (discriminator != null) {
      ObjectNode d = node.putObject("discriminator");
      d.put("propertyName", discriminator);
      d.set("mapping", mapping);
    }
    return node;
  }

  /** A variant's tag, which Schemas gives every variant of a union with a discriminator. */
  private static Tag tagOf(Variant variant) {
    return Objects.requireNonNull(variant.tag(), "a variant without a tag in a tagged union");
  }
}
