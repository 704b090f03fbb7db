package dev.snel.internal.params;

import dev.snel.internal.schema.Schema;
import dev.snel.internal.values.Check;
import dev.snel.internal.values.ConversionException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Binds a parameter from the JSON body through its type's compiled schema: the whole body, or, when
 * embedded (several body parameters, or {@code @Body(embed = true)}), the body object's member of
 * the parameter's name. A missing body, or JSON null, is FastAPI's "missing".
 */
final class BodyBinder implements ParamBinder {
  private final String name;
  private final Schema schema;
  private final boolean embedded;
  private final boolean required;
  private final boolean optional;
  private final List<Object> loc;

  private final List<Check> checks;

  BodyBinder(
      String name,
      Schema schema,
      List<Check> checks,
      boolean embedded,
      boolean required,
      boolean optional) {
    this.checks = checks;
    this.name = name;
    this.schema = schema;
    this.embedded = embedded;
    this.required = required;
    this.optional = optional;
    this.loc = embedded ? List.of("body", name) : List.of("body");
  }

  @Override
  public @Nullable Object bind(Binding binding) {
    byte[] body = binding.request().body();
    if (body.length == 0) {
      return absent(binding);
    }
    Object value;
    if (!binding.bodyIsJson()) {
      value = embedded ? JsonBodies.ABSENT : JsonBodies.decodeText(binding, schema, body, loc);
    } else if (embedded) {
      value =
          binding.bodyTree() == null
              ? null
              : JsonBodies.decodeMember(binding, schema, body, name, loc);
    } else {
      value = JsonBodies.decode(binding, schema, body, loc);
    }
    if (JsonBodies.absent(value)) {
      return absent(binding);
    }
    Object plain = value instanceof Optional<?> o ? o.orElse(null) : value;
    if (plain != null && !checks.isEmpty()) {
      Object checked = plain;
      try {
        for (Check check : checks) {
          checked = check.apply(checked);
        }
      } catch (ConversionException e) {
        binding.fail(loc, e, plain);
        return null;
      }
      if (checked != plain) {
        value = value instanceof Optional<?> ? Optional.of(checked) : checked;
      }
    }
    return optional && !(value instanceof Optional<?>) ? Optional.ofNullable(value) : value;
  }

  private @Nullable Object absent(Binding binding) {
    if (required) {
      binding.missing(loc);
    }
    return optional ? Optional.empty() : null;
  }
}
