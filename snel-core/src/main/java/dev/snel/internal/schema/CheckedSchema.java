package dev.snel.internal.schema;

import dev.snel.internal.values.Check;
import dev.snel.internal.values.ConversionException;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.node.ObjectNode;

/**
 * A type constrained where it is used as a type argument, e.g. the items of {@code List<@Size(max =
 * 3) String>}: the inner type's schema, then the constraints, reported at the item's location.
 */
final class CheckedSchema extends Schema {
  private final Schema inner;
  private final List<Check> checks;
  private final List<Annotation> constraints;

  CheckedSchema(Schema inner, List<Check> checks, List<Annotation> constraints) {
    this.inner = inner;
    this.checks = checks;
    this.constraints = constraints;
  }

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    Object value = inner.decode(parser, decoding);
    Object plain = value instanceof Optional<?> o ? o.orElse(null) : value;
    if (Decoding.invalid(value) || plain == null) {
      return value;
    }
    Object checked = plain;
    for (Check check : checks) {
      try {
        checked = check.apply(checked);
      } catch (ConversionException e) {
        return decoding.fail(
            e, parser.currentToken().isScalarValue() ? Decoding.readInput(parser) : plain);
      }
    }
    if (checked == plain) {
      return value;
    }
    return value instanceof Optional<?> ? Optional.of(checked) : checked;
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    inner.encode(value, generator, encoding);
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    ObjectNode node = inner.jsonSchema(schemas);
    JsonSchemaKeywords.constrain(
        node.has("anyOf") ? (ObjectNode) node.get("anyOf").get(0) : node, constraints);
    return node;
  }

  @Override
  public boolean acceptsNull() {
    return inner.acceptsNull();
  }

  @Override
  public @Nullable Object absentValue() {
    return inner.absentValue();
  }
}
