package dev.snel.internal.schema;

import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record or class with named members (pydantic's BaseModel). Decoding reads the JSON object
 * member by member into the constructor's arguments, collecting every error; encoding reads the
 * members from the model itself or from any object with matching record components, getters or
 * fields, or a Map (pydantic's from_attributes), so the response model decides what is sent.
 */
final class ObjectSchema extends Schema {
  private final Class<?> type;
  private final String name;
  private final String title;
  private Field[] fields;
  private Map<String, Integer> byJsonName;
  private Construction construction;
  private boolean forbidExtra;
  private List<MethodHandle> modelValidators;
  private final Map<Class<?>, Readers.Reader[]> readers = new ConcurrentHashMap<>();

  // the fields init() sets are not null once it ran: Schemas calls it before the schema is used
  @SuppressWarnings("NullAway.Init")
  ObjectSchema(Class<?> type, String name, String title) {
    this.type = type;
    this.name = name;
    this.title = title;
  }

  /** Completes the schema; separate from the constructor so models can refer to themselves. */
  void init(
      Field[] fields,
      Construction construction,
      boolean forbidExtra,
      List<MethodHandle> modelValidators) {
    this.fields = fields;
    this.construction = construction;
    this.forbidExtra = forbidExtra;
    this.modelValidators = modelValidators;
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < fields.length; i++) {
      index.put(fields[i].jsonName, i);
    }
    this.byJsonName = index;
  }

  Class<?> type() {
    return type;
  }

  String name() {
    return name;
  }

  List<Field> fields() {
    return List.of(fields);
  }

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    return decode(parser, decoding, null);
  }

  /**
   * Decodes the model as a variant of a discriminated union, reading past its tag; null for none.
   */
  Object decode(JsonParser parser, Decoding decoding, UnionSchema.@Nullable Tag tag) {
    String tagMember = tag == null ? null : tag.member();
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return decoding.failHere(
          parser,
          "model_attributes_type",
          "Input should be a valid dictionary or object to extract fields from");
    }
    long start = parser.currentTokenLocation().getByteOffset();
    int before = decoding.errorCount();
    Object[] values = new Object[fields.length];
    boolean[] seen = new boolean[fields.length];
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String member = parser.currentName();
      parser.nextToken();
      Integer at = byJsonName.get(member);
      decoding.push(member);
      if (at == null) {
        if (member.equals(tagMember)) {
          parser.skipChildren();
        } else if (forbidExtra) {
          decoding.fail(
              "extra_forbidden",
              "Extra inputs are not permitted",
              Decoding.readInput(parser),
              Map.of());
        } else {
          parser.skipChildren();
        }
      } else {
        values[at] = fields[at].decode(parser, decoding);
        seen[at] = true;
      }
      decoding.pop();
    }
    Object input = null;
    for (int i = 0; i < fields.length; i++) {
      if (seen[i]) {
        continue;
      }
      if (fields[i].required) {
        if (input == null) {
          input = decoding.objectInput(start, parser);
        }
        decoding.push(fields[i].jsonName);
        decoding.fail("missing", "Field required", input, Map.of());
        decoding.pop();
      } else {
        values[i] = fields[i].absent();
      }
    }
    if (decoding.errorCount() > before) {
      decoding.reorder(
          before,
          decoding.depth(),
          segment -> {
            Integer at = segment instanceof String member ? byJsonName.get(member) : null;
            return at != null ? at : fields.length;
          });
      return Decoding.INVALID;
    }
    Object model = construction.create(values);
    for (MethodHandle validator : modelValidators) {
      try {
        validator.invoke(model);
      } catch (IllegalArgumentException e) {
        return Field.valueError(
            decoding, e, input != null ? input : decoding.objectInput(start, parser));
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
    return model;
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    encode(value, generator, encoding, null);
  }

  /**
   * Encodes the model as a variant of a discriminated union, writing its tag first; null for none.
   */
  void encode(
      @Nullable Object value,
      JsonGenerator generator,
      Encoding encoding,
      UnionSchema.@Nullable Tag tag) {
    if (value == null) {
      encoding.fail(
          "model_attributes_type",
          "Input should be a valid dictionary or object to extract fields from",
          null);
      generator.writeNull();
      return;
    }
    Readers.Reader[] from =
        readers.computeIfAbsent(value.getClass(), c -> Readers.forClass(c, fields));
    Encoding.Options options = encoding.options();
    boolean top = encoding.atTop();
    generator.writeStartObject();
    if (tag != null && writesTag(tag)) {
      generator.writeStringProperty(tag.member(), tag.value());
    }
    for (int i = 0; i < fields.length; i++) {
      Field field = fields[i];
      if (top
          && (options.exclude().contains(field.jsonName)
              || (!options.include().isEmpty() && !options.include().contains(field.jsonName)))) {
        continue;
      }
      encoding.push(field.jsonName);
      Object member = from[i] == null ? Readers.ABSENT : from[i].read(value);
      if (Readers.absent(member)) {
        // like pydantic's from_attributes: a member the object lacks takes its default, if any
        if (field.required) {
          encoding.fail("missing", "Field required", value);
          encoding.pop();
          continue;
        }
        member = field.absent();
      }
      if (!skipped(field, member, options)) {
        generator.writeName(field.jsonName);
        if (member == null) {
          // Java has no non-null reference types: a null member is sent as null, not refused.
          generator.writeNull();
        } else {
          field.schema.encode(member, generator, encoding);
        }
      }
      encoding.pop();
    }
    generator.writeEndObject();
  }

  private static boolean skipped(Field field, @Nullable Object member, Encoding.Options options) {
    boolean none = member == null || (member instanceof Optional<?> o && o.isEmpty());
    if (options.excludeNone() && none) {
      return true;
    }
    boolean isDefault = !field.required && Objects.equals(member, field.absent());
    if (options.excludeDefaults() && isDefault) {
      return true;
    }
    return options.excludeUnset() && (none || isDefault);
  }

  /** Whether the tag is a member of its own, not one the model declares. */
  private boolean writesTag(UnionSchema.Tag tag) {
    return byJsonName.get(tag.member()) == null;
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    return jsonSchema(schemas, null);
  }

  /**
   * The model's JSON Schema as a variant of a discriminated union, with its tag as a constant
   * member; null for none. A tagged model is a definition of its own, as it differs from the
   * model's other uses.
   */
  ObjectNode jsonSchema(JsonSchemas schemas, UnionSchema.@Nullable Tag tag) {
    Object owner = tag == null ? this : new UnionSchema.Variant(this, tag);
    return schemas.component(
        name,
        owner,
        () -> {
          ObjectNode node = schemas.node();
          ObjectNode properties = node.putObject("properties");
          ArrayNode required = schemas.mapper().createArrayNode();
          if (tag != null && writesTag(tag)) {
            properties
                .putObject(tag.member())
                .put("const", tag.value())
                .put("title", Names.title(tag.member()))
                .put("type", "string");
            required.add(tag.member());
          }
          for (Field field : fields) {
            properties.set(field.jsonName, JsonSchemaKeywords.property(field, schemas));
            if (field.required) {
              required.add(field.jsonName);
            }
          }
          if (!required.isEmpty()) {
            node.set("required", required);
          }
          node.put("title", title).put("type", "object");
          JsonSchemaKeywords.document(
              node, List.of(type.getAnnotations())); // @Description: pydantic's docstring
          if (forbidExtra) {
            node.put("additionalProperties", false);
          }
          return node;
        });
  }

  /** How a model instance is made from its members' values, in field order. */
  @FunctionalInterface
  interface Construction {
    Object create(Object[] values);
  }
}
