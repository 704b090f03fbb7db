package dev.snel.internal.params;

import dev.snel.internal.values.Check;
import dev.snel.internal.values.ConversionException;
import dev.snel.internal.values.ScalarConverter;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Binds a path, query, header, cookie or form parameter holding one value. */
final class ScalarBinder implements ParamBinder {
  private final Source source;
  private final String wireName;
  private final int pathIndex;
  private final ScalarConverter converter;
  private final List<Check> checks;
  private final boolean required;
  private final boolean optional;
  private final @Nullable Object missingValue;
  private final List<Object> loc;

  /**
   * @param missingValue the argument when the request lacks the value and it is not required
   */
  ScalarBinder(
      Source source,
      String wireName,
      int pathIndex,
      ScalarConverter converter,
      List<Check> checks,
      boolean required,
      boolean optional,
      @Nullable Object missingValue) {
    this.source = source;
    this.wireName = wireName;
    this.pathIndex = pathIndex;
    this.converter = converter;
    this.checks = checks;
    this.required = required;
    this.optional = optional;
    this.missingValue = missingValue;
    this.loc = List.of(source.loc(), wireName);
  }

  @Override
  public @Nullable Object bind(RequestScope scope) {
    String raw = read(scope);
    if (raw == null) {
      if (required) {
        scope.missing(loc);
      }
      return missingValue;
    }
    try {
      Object value = converter.convert(raw);
      for (Check check : checks) {
        value = check.apply(value);
      }
      return optional ? Optional.of(value) : value;
    } catch (ConversionException e) {
      scope.fail(loc, e, raw);
      return missingValue;
    }
  }

  /** FastAPI's rule for a Form parameter: the last value; an empty one is as good as none. */
  private @Nullable String formValue(RequestScope scope) {
    List<String> values = scope.form().get(wireName);
    if (values == null) {
      return null;
    }
    String last = values.get(values.size() - 1);
    return last.isEmpty() ? null : last;
  }

  private @Nullable String read(RequestScope scope) {
    return switch (source) {
      case PATH -> scope.pathValue(pathIndex);
      case QUERY -> scope.request().query(wireName).orElse(null);
      case HEADER -> scope.request().header(wireName).orElse(null);
      case COOKIE -> scope.request().cookies().get(wireName);
      case FORM -> formValue(scope);
      default -> throw new IllegalStateException("not a scalar source: " + source);
    };
  }
}
