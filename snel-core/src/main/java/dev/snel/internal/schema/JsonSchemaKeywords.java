package dev.snel.internal.schema;

import dev.snel.Description;
import dev.snel.Examples;
import dev.snel.Format;
import dev.snel.MultipleOf;
import dev.snel.internal.json.Json;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema keywords of a model field: its type's schema plus constraints, title, default,
 * docs.
 */
public final class JsonSchemaKeywords {
  private JsonSchemaKeywords() {}

  static ObjectNode property(Field field, JsonSchemas schemas) {
    ObjectNode node = field.schema.jsonSchema(schemas);
    ObjectNode target = node.has("anyOf") ? (ObjectNode) node.get("anyOf").get(0) : node;
    // like pydantic: a model or an enum (a reference, optional or not) has its own title; the
    // title of anything else comes from the JSON name, the alias when there is one
    if (!target.has("$ref")) {
      constrain(target, field.annotations);
      format(node, field.annotations);
      node.put("title", Names.title(field.jsonName));
    }
    if (!field.required) {
      Object absent = field.absent();
      Object plain = absent instanceof java.util.Optional<?> o ? o.orElse(null) : absent;
      node.set("default", Json.mapper().valueToTree(plain));
    }
    document(node, field.annotations);
    return node;
  }

  /**
   * Adds a {@link Format}'s {@code format}, next to an {@code anyOf} rather than in its branch, as
   * pydantic's json_schema_extra puts it.
   */
  public static void format(ObjectNode node, List<Annotation> annotations) {
    for (Annotation a : annotations) {
      if (a instanceof Format f) {
        node.put("format", f.value());
      }
    }
  }

  /** Adds description and examples from annotations. */
  public static void document(ObjectNode node, List<Annotation> annotations) {
    for (Annotation a : annotations) {
      if (a instanceof Description d) {
        node.put("description", d.value());
      } else if (a instanceof Examples e) {
        ArrayNode examples = node.putArray("examples");
        for (String json : e.value()) {
          examples.add(Json.mapper().readTree(json));
        }
      }
    }
  }

  /** Adds the JSON Schema form of each constraint annotation. */
  public static void constrain(ObjectNode node, List<Annotation> annotations) {
    boolean array = "array".equals(node.path("type").asString(""));
    // a decimal written as a string (output) has no numeric keywords, as in pydantic
    boolean text = "string".equals(node.path("type").asString(""));
    for (Annotation a : annotations) {
      if (text && isNumeric(a)) {
        continue;
      }
      switch (a) {
        case Size s -> {
          if (s.min() > 0) {
            node.put(array ? "minItems" : "minLength", s.min());
          }
          if (s.max() < Integer.MAX_VALUE) {
            node.put(array ? "maxItems" : "maxLength", s.max());
          }
        }
        case NotEmpty n -> node.put(array ? "minItems" : "minLength", 1);
        case NotBlank n -> node.put("minLength", 1);
        case Pattern p -> node.put("pattern", p.regexp());
        case Email e -> node.put("format", "email");
        case Min m -> node.put("minimum", m.value());
        case Max m -> node.put("maximum", m.value());
        case DecimalMin m ->
            node.set(m.inclusive() ? "minimum" : "exclusiveMinimum", number(m.value()));
        case DecimalMax m ->
            node.set(m.inclusive() ? "maximum" : "exclusiveMaximum", number(m.value()));
        case Positive p -> node.put("exclusiveMinimum", 0);
        case PositiveOrZero p -> node.put("minimum", 0);
        case Negative n -> node.put("exclusiveMaximum", 0);
        case NegativeOrZero n -> node.put("maximum", 0);
        case MultipleOf m ->
            node.set("multipleOf", number(BigDecimal.valueOf(m.value()).toPlainString()));
        default -> {}
      }
    }
  }

  private static boolean isNumeric(Annotation a) {
    return a instanceof Min
        || a instanceof Max
        || a instanceof DecimalMin
        || a instanceof DecimalMax
        || a instanceof Positive
        || a instanceof PositiveOrZero
        || a instanceof Negative
        || a instanceof NegativeOrZero
        || a instanceof MultipleOf;
  }

  private static JsonNode number(String text) {
    BigDecimal value = new BigDecimal(text);
    return value.stripTrailingZeros().scale() <= 0
        ? Json.mapper().getNodeFactory().numberNode(value.longValueExact())
        : Json.mapper().getNodeFactory().numberNode(value.doubleValue());
  }
}
