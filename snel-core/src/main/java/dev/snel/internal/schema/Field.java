package dev.snel.internal.schema;

import dev.snel.internal.values.Check;
import dev.snel.internal.values.ConversionException;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;

/**
 * One member of a model: its Java and JSON names, its type's schema, whether it is required, its
 * default, its constraints and its validator.
 */
final class Field {
  final String javaName;
  final String jsonName;
  final Schema schema;
  final boolean required;
  final @Nullable Object defaultValue;
  final List<String> defaultText;
  final List<Check> checks;
  final List<Annotation> annotations;
  final @Nullable MethodHandle validator;

  Field(
      String javaName,
      String jsonName,
      Schema schema,
      boolean required,
      @Nullable Object defaultValue,
      List<String> defaultText,
      List<Check> checks,
      List<Annotation> annotations,
      @Nullable MethodHandle validator) {
    this.javaName = javaName;
    this.jsonName = jsonName;
    this.schema = schema;
    this.required = required;
    this.defaultValue = defaultValue;
    this.defaultText = defaultText;
    this.checks = checks;
    this.annotations = annotations;
    this.validator = validator;
  }

  /** The value when the member is absent from the input. */
  @Nullable Object absent() {
    return defaultValue != null ? defaultValue : schema.absentValue();
  }

  /** Decodes, checks and validates the member's value; {@link Decoding#INVALID} on failure. */
  Object decode(JsonParser parser, Decoding decoding) {
    boolean checked = !checks.isEmpty() || validator != null;
    long start = checked ? parser.currentTokenLocation().getByteOffset() : -1;
    Object value = schema.decode(parser, decoding);
    if (Decoding.invalid(value)) {
      return value;
    }
    Object plain = value instanceof Optional<?> o ? o.orElse(null) : value;
    if (plain != null && !checks.isEmpty()) {
      Object normal = plain;
      for (Check check : checks) {
        try {
          normal = check.apply(normal);
        } catch (ConversionException e) {
          return decoding.fail(e, input(parser, start, decoding));
        }
      }
      if (normal != plain) {
        plain = normal;
        value = value instanceof Optional<?> ? Optional.of(normal) : normal;
      }
    }
    if (validator != null && plain != null) {
      try {
        Object validated = validator.invoke(plain);
        return value instanceof Optional<?> ? Optional.ofNullable(validated) : validated;
      } catch (IllegalArgumentException e) {
        return valueError(decoding, e, input(parser, start, decoding));
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
    return value;
  }

  /**
   * The member's value as received, for an error found after decoding (pydantic reports the input,
   * not the converted value: {@code 0}, not {@code 0.0}; the list with its duplicates, not the
   * set). The parser is on the value's last token.
   */
  private static @Nullable Object input(JsonParser parser, long start, Decoding decoding) {
    return parser.currentToken().isScalarValue()
        ? Decoding.readInput(parser)
        : decoding.objectInput(start, parser);
  }

  /** pydantic's answer to a validator's ValueError, as FastAPI encodes it. */
  static Object valueError(Decoding decoding, IllegalArgumentException e, @Nullable Object input) {
    return decoding.fail(
        "value_error", "Value error, " + e.getMessage(), input, Map.of("error", Map.of()));
  }
}
