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
  private boolean embedded;
  private final boolean required;
  private final boolean optional;
  private List<Object> loc;
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

  /**
   * Reads the body object's member of this parameter's name: the route has several body parameters.
   * Called while the route is compiled, before it serves.
   */
  void embed() {
    embedded = true;
    loc = List.of("body", name);
  }

  @Override
  public @Nullable Object bind(RequestScope scope) {
    byte[] body = scope.request().body();
    if (body.length == 0) {
      return absent(scope);
    }
    Object value;
    if (!scope.bodyIsJson()) {
      value = embedded ? JsonBodies.ABSENT : JsonBodies.decodeText(scope, schema, body, loc);
    } else if (embedded) {
      value =
          scope.bodyTree() == null ? null : JsonBodies.decodeMember(scope, schema, body, name, loc);
    } else {
      value = JsonBodies.decode(scope, schema, body, loc);
    }
    if (JsonBodies.absent(value)) {
      return absent(scope);
    }
    Object plain = value instanceof Optional<?> o ? o.orElse(null) : value;
    if (plain != null && !checks.isEmpty()) {
      Object checked = plain;
      try {
        for (Check check : checks) {
          checked = check.apply(checked);
        }
      } catch (ConversionException e) {
        scope.fail(loc, e, plain);
        return null;
      }
      if (checked != plain) {
        value = value instanceof Optional<?> ? Optional.of(checked) : checked;
      }
    }
    return optional && !(value instanceof Optional<?>) ? Optional.ofNullable(value) : value;
  }

  private @Nullable Object absent(RequestScope scope) {
    if (required) {
      scope.missing(loc);
    }
    return optional ? Optional.empty() : null;
  }
}
