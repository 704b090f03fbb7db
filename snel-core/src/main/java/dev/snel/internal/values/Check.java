package dev.snel.internal.values;

import dev.snel.MultipleOf;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One constraint on a converted value, compiled from a jakarta.validation annotation; fails with
 * pydantic's error for the equivalent pydantic constraint ({@code @Min(1)} is {@code ge=1}).
 */
@FunctionalInterface
public interface Check {
  /** Throws {@link ConversionException} when the value violates the constraint. */
  void check(Object value);

  /**
   * Checks the value and returns it as it is to be used: the value itself, or its normal form for a
   * check that normalizes ({@code @Email} lower-cases the domain, like pydantic's EmailStr).
   */
  default Object apply(Object value) {
    check(value);
    return value;
  }

  /**
   * The checks for a single value's annotations. Other annotations are ignored, except
   * jakarta.validation constraints Snel does not check, which fail with {@link
   * IllegalArgumentException} rather than be silently skipped; {@code @NotNull} is accepted, as a
   * parameter without a default is required anyway.
   */
  static List<Check> forValue(Annotation[] annotations) {
    List<Check> checks = new ArrayList<>();
    for (Annotation annotation : annotations) {
      switch (annotation) {
        case Min a -> checks.add(bound("ge", BigDecimal.valueOf(a.value())));
        case Max a -> checks.add(bound("le", BigDecimal.valueOf(a.value())));
        case DecimalMin a ->
            checks.add(bound(a.inclusive() ? "ge" : "gt", new BigDecimal(a.value())));
        case DecimalMax a ->
            checks.add(bound(a.inclusive() ? "le" : "lt", new BigDecimal(a.value())));
        case Positive a -> checks.add(bound("gt", BigDecimal.ZERO));
        case PositiveOrZero a -> checks.add(bound("ge", BigDecimal.ZERO));
        case Negative a -> checks.add(bound("lt", BigDecimal.ZERO));
        case NegativeOrZero a -> checks.add(bound("le", BigDecimal.ZERO));
        case Size a -> checks.add(size(a.min(), a.max()));
        case NotEmpty a -> checks.add(size(1, Integer.MAX_VALUE));
        case NotBlank a -> checks.add(notBlank());
        case Pattern a -> checks.add(pattern(a.regexp()));
        case Email a -> checks.add(EmailAddresses.CHECK);
        case MultipleOf a -> checks.add(multipleOf(a.value()));
        default -> {
          if (annotation.annotationType().getPackageName().equals("jakarta.validation.constraints")
              && !(annotation instanceof jakarta.validation.constraints.NotNull)) {
            throw new IllegalArgumentException(
                "@"
                    + annotation.annotationType().getSimpleName()
                    + " is not supported on parameters");
          }
        }
      }
    }
    return List.copyOf(checks);
  }

  /** Whether the annotation constrains a collection's size rather than its items. */
  static boolean isSizeConstraint(Annotation annotation) {
    return annotation instanceof Size || annotation instanceof NotEmpty;
  }

  private static Check bound(String op, BigDecimal limit) {
    Object shown =
        limit.stripTrailingZeros().scale() <= 0
            ? (Object) limit.longValueExact()
            : limit.doubleValue();
    String words =
        switch (op) {
          case "ge" -> "greater than or equal to";
          case "gt" -> "greater than";
          case "le" -> "less than or equal to";
          default -> "less than";
        };
    String type =
        switch (op) {
          case "ge" -> "greater_than_equal";
          case "gt" -> "greater_than";
          case "le" -> "less_than_equal";
          default -> "less_than";
        };
    String msg = "Input should be " + words + " " + shown;
    Map<String, Object> ctx = Map.of(op, shown);
    return value -> {
      BigDecimal actual = toDecimal(value);
      if (actual == null) {
        return;
      }
      int cmp = actual.compareTo(limit);
      boolean ok =
          switch (op) {
            case "ge" -> cmp >= 0;
            case "gt" -> cmp > 0;
            case "le" -> cmp <= 0;
            default -> cmp < 0;
          };
      if (!ok) {
        throw new ConversionException(type, msg, ctx);
      }
    };
  }

  private static @Nullable BigDecimal toDecimal(Object value) {
    return switch (value) {
      case BigDecimal d -> d;
      case Double d -> d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
      case Float f -> f.isNaN() || f.isInfinite() ? null : BigDecimal.valueOf(f);
      case Number n -> new BigDecimal(n.toString());
      default -> null;
    };
  }

  private static Check size(int min, int max) {
    return value -> {
      if (value instanceof CharSequence text) {
        int length = text.toString().codePointCount(0, text.length());
        if (length < min) {
          throw new ConversionException(
              "string_too_short",
              "String should have at least " + plural(min, "character"),
              Map.of("min_length", min));
        }
        if (length > max) {
          throw new ConversionException(
              "string_too_long",
              "String should have at most " + plural(max, "character"),
              Map.of("max_length", max));
        }
      } else if (value instanceof Collection<?> items) {
        String kind = items instanceof Set<?> ? "Set" : "List";
        int length = items.size();
        if (length < min) {
          throw new ConversionException(
              "too_short",
              kind
                  + " should have at least "
                  + plural(min, "item")
                  + " after validation, not "
                  + length,
              listCtx(kind, "min_length", min, length));
        }
        if (length > max) {
          // pydantic stops a set at the first item too many, so it knows no actual length
          boolean set = kind.equals("Set");
          throw new ConversionException(
              "too_long",
              kind
                  + " should have at most "
                  + plural(max, "item")
                  + " after validation, not "
                  + (set ? "more" : length),
              listCtx(kind, "max_length", max, set ? null : length));
        }
      }
    };
  }

  /** pydantic's ctx; a null actual length (pydantic's None) is left out. */
  private static Map<String, Object> listCtx(
      String kind, String key, int limit, @Nullable Integer actual) {
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("field_type", kind);
    ctx.put(key, limit);
    if (actual != null) {
      ctx.put("actual_length", actual);
    }
    return ctx;
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static Check multipleOf(double divisor) {
    BigDecimal step = BigDecimal.valueOf(divisor);
    Object shown =
        step.stripTrailingZeros().scale() <= 0 ? (Object) step.longValueExact() : divisor;
    return value -> {
      BigDecimal actual = toDecimal(value);
      if (actual != null && actual.remainder(step).signum() != 0) {
        throw new ConversionException(
            "multiple_of", "Input should be a multiple of " + shown, Map.of("multiple_of", shown));
      }
    };
  }

  private static Check notBlank() {
    return value -> {
      if (value instanceof CharSequence text && text.toString().isBlank()) {
        throw new ConversionException(
            "string_too_short", "String should have at least 1 character", Map.of("min_length", 1));
      }
    };
  }

  /**
   * RE2J, not java.util.regex: matching takes linear time whatever the input, as with pydantic's
   * Rust regex engine, so a pattern cannot be turned against the server. Patterns RE2 cannot run in
   * linear time (backreferences, lookaround) are refused when the app is built.
   */
  private static Check pattern(String regexp) {
    com.google.re2j.Pattern compiled;
    try {
      compiled = com.google.re2j.Pattern.compile(regexp);
    } catch (com.google.re2j.PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "@Pattern(\""
              + regexp
              + "\") is not supported: "
              + e.getDescription()
              + " (Snel matches patterns in linear time, without backreferences or lookaround)",
          e);
    }
    return value -> {
      if (value instanceof CharSequence text && !compiled.matcher(text).matches()) {
        throw new ConversionException(
            "string_pattern_mismatch",
            "String should match pattern '" + regexp + "'",
            Map.of("pattern", regexp));
      }
    };
  }
}
