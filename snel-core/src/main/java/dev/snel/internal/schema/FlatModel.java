package dev.snel.internal.schema;

import dev.snel.ValidationError;
import dev.snel.internal.json.Json;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.node.ObjectNode;

/**
 * A model read from flat name/value pairs (a query string, headers, cookies, a form), as FastAPI
 * validates a parameter model: the values found for its members, the defaults of the absent
 * optional ones and every other name received go into one object, which the model's schema then
 * decodes like a JSON body, so the errors are pydantic's (a missing member's input is that object;
 * {@code extra_forbidden} for the other names when the model forbids extras).
 *
 * <p>Immutable and thread-safe.
 */
public final class FlatModel {
  private static final Encoding.Options DEFAULTS = Encoding.Options.ALL;

  /**
   * One member of the model.
   *
   * @param javaName the Java name
   * @param name the member's name in the model's input (its alias, or per its naming)
   * @param required whether the input must carry it
   * @param multi whether it holds several values (a List or Set)
   * @param annotations its annotations
   */
  public record Member(
      String javaName,
      String name,
      boolean required,
      boolean multi,
      List<Annotation> annotations) {}

  private final ObjectSchema schema;
  private final List<Field> fields;
  private final List<Member> members;

  private FlatModel(ObjectSchema schema) {
    this.schema = schema;
    this.fields = schema.fields();
    this.members =
        fields.stream()
            .map(
                f -> new Member(f.javaName, f.jsonName, f.required, multi(f.schema), f.annotations))
            .toList();
  }

  /** The schema as a model read from flat pairs; empty if it is not a model (a record or class). */
  public static Optional<FlatModel> of(Schema schema) {
    return schema instanceof ObjectSchema object
        ? Optional.of(new FlatModel(object))
        : Optional.empty();
  }

  private static boolean multi(Schema schema) {
    Schema plain = schema instanceof OptionalSchema optional ? optional.inner() : schema;
    return plain instanceof ListSchema;
  }

  /** The members, in declaration order. */
  public List<Member> members() {
    return members;
  }

  /** The model's Java type. */
  public Class<?> type() {
    return schema.type();
  }

  /**
   * Decodes the model.
   *
   * @param found per member, its value (a String, or a List of Strings for a multi member); null
   *     when absent
   * @param others the other names received, each with its value (a String, or a List of Strings
   *     when repeated), in the order received
   * @param root where errors are located, e.g. {@code ["query"]}
   * @param errors receives the errors
   * @return the model, or {@link Decoding#INVALID}
   */
  public Object decode(
      @Nullable Object[] found,
      Map<String, Object> others,
      List<Object> root,
      List<ValidationError> errors) {
    byte[] input = input(found, others);
    Decoding decoding = new Decoding(input, root);
    try (JsonParser parser = Json.mapper().createParser(input)) {
      parser.nextToken();
      Object value = schema.decode(parser, decoding);
      errors.addAll(decoding.errors());
      return value;
    }
  }

  /** FastAPI's dict of values to validate, as JSON. */
  private byte[] input(@Nullable Object[] found, Map<String, Object> others) {
    return Json.write(
        generator -> {
          generator.writeStartObject();
          for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            Object value = found[i];
            if (value != null) {
              generator.writeName(field.jsonName);
              generator.writePOJO(value);
            } else if (!field.required && present(field.absent())) {
              // FastAPI fills in a default that is not None before validating
              generator.writeName(field.jsonName);
              field.schema.encode(
                  java.util.Objects.requireNonNull(field.absent()),
                  generator,
                  new Encoding(DEFAULTS));
            }
          }
          for (Map.Entry<String, Object> other : others.entrySet()) {
            generator.writeName(other.getKey());
            generator.writePOJO(other.getValue());
          }
          generator.writeEndObject();
        });
  }

  private static boolean present(@Nullable Object value) {
    return value != null && !(value instanceof Optional<?> o && o.isEmpty());
  }

  /**
   * A member's JSON Schema as a flattened parameter documents it: its type's, constrained, titled
   * after its name, with its default and description.
   */
  public ObjectNode memberSchema(int index, JsonSchemas schemas) {
    return JsonSchemaKeywords.property(fields.get(index), schemas);
  }
}
