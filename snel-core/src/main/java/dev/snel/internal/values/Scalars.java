package dev.snel.internal.values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * String-to-value conversion for parameters, following pydantic v2's lax mode: {@code "5"}, {@code
 * " 5"}, {@code "+5"}, {@code "5.0"} and {@code "1_000"} are ints; {@code "yes"} is true; enums by
 * value; ISO-8601 dates. Errors carry pydantic's types and messages.
 */
public final class Scalars {
  private Scalars() {}

  private static final String INT_PARSING_MSG =
      "Input should be a valid integer, unable to parse string as an integer";

  /**
   * The most digits pydantic reads as an integer (Python's own bound on int-from-string, which
   * makes the conversion quadratic); Snel holds decimals to it too, for the same reason.
   */
  public static final int MAX_DIGITS = 4300;

  private static final Map<Class<?>, ScalarConverter> CONVERTERS =
      Map.ofEntries(
          Map.entry(String.class, raw -> raw),
          Map.entry(int.class, raw -> (int) integer(raw, Integer.MIN_VALUE, Integer.MAX_VALUE)),
          Map.entry(Integer.class, raw -> (int) integer(raw, Integer.MIN_VALUE, Integer.MAX_VALUE)),
          Map.entry(long.class, raw -> integer(raw, Long.MIN_VALUE, Long.MAX_VALUE)),
          Map.entry(Long.class, raw -> integer(raw, Long.MIN_VALUE, Long.MAX_VALUE)),
          Map.entry(short.class, raw -> (short) integer(raw, Short.MIN_VALUE, Short.MAX_VALUE)),
          Map.entry(Short.class, raw -> (short) integer(raw, Short.MIN_VALUE, Short.MAX_VALUE)),
          Map.entry(byte.class, raw -> (byte) integer(raw, Byte.MIN_VALUE, Byte.MAX_VALUE)),
          Map.entry(Byte.class, raw -> (byte) integer(raw, Byte.MIN_VALUE, Byte.MAX_VALUE)),
          Map.entry(BigInteger.class, Scalars::bigInteger),
          Map.entry(double.class, Scalars::toDouble),
          Map.entry(Double.class, Scalars::toDouble),
          Map.entry(float.class, raw -> (float) toDouble(raw)),
          Map.entry(Float.class, raw -> (float) toDouble(raw)),
          Map.entry(boolean.class, Scalars::toBoolean),
          Map.entry(Boolean.class, Scalars::toBoolean),
          Map.entry(BigDecimal.class, Scalars::toDecimal),
          Map.entry(UUID.class, Uuids::parse),
          Map.entry(LocalDate.class, Temporals::localDate),
          Map.entry(LocalDateTime.class, Temporals::localDateTime),
          Map.entry(OffsetDateTime.class, Temporals::offsetDateTime),
          Map.entry(Instant.class, raw -> Temporals.offsetDateTime(raw).toInstant()),
          Map.entry(LocalTime.class, Temporals::localTime));

  /** The converter for a scalar type, or empty if the type is not a scalar. */
  public static Optional<ScalarConverter> converterFor(Class<?> type) {
    if (type.isEnum()) {
      return Optional.of(Enums.converter(type));
    }
    return Optional.ofNullable(CONVERTERS.get(type));
  }

  /** Whether values of the type come from a single string. */
  public static boolean isScalar(Class<?> type) {
    return type.isEnum() || CONVERTERS.containsKey(type);
  }

  /**
   * An integer within [min, max]. Out-of-range values fail like a pydantic {@code conint(ge=,
   * le=)}: Java's integer types are bounded where Python's are not.
   */
  public static long integer(String raw, long min, long max) {
    long plain = plainInteger(raw);
    if (plain != NOT_PLAIN && plain >= min && plain <= max) {
      return plain; // the common case: a few digits, no sign, spaces or separators
    }
    BigInteger value = bigInteger(raw);
    if (value.bitLength() < 64) {
      long exact = value.longValue();
      if (exact >= min && exact <= max) {
        return exact;
      }
    }
    if (value.signum() > 0) {
      throw new ConversionException(
          "less_than_equal", "Input should be less than or equal to " + max, Map.of("le", max));
    }
    throw new ConversionException(
        "greater_than_equal", "Input should be greater than or equal to " + min, Map.of("ge", min));
  }

  /** What {@link #plainInteger} answers for anything but a short run of digits. */
  private static final long NOT_PLAIN = Long.MIN_VALUE;

  /**
   * The value of an optional {@code -} and 1 to 18 ASCII digits (always within a long), else {@link
   * #NOT_PLAIN}: everything else (signs, spaces, {@code _}, {@code .0}, longer numbers, garbage)
   * takes pydantic's full rules, and their errors, in {@link #bigInteger}.
   */
  private static long plainInteger(String raw) {
    int length = raw.length();
    int start = length > 0 && raw.charAt(0) == '-' ? 1 : 0;
    if (length == start || length - start > 18) {
      return NOT_PLAIN;
    }
    long value = 0;
    for (int i = start; i < length; i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        return NOT_PLAIN;
      }
      value = value * 10 + (c - '0');
    }
    return start == 0 ? value : -value;
  }

  public static BigInteger bigInteger(String raw) {
    String text = raw.strip();
    String digits = integerDigits(text);
    if (digits == null) {
      int dot = text.indexOf('.');
      // "5.0" is an int, "5." is not (pydantic strips a non-empty run of zeros only)
      if (dot > 0 && dot < text.length() - 1 && onlyZeros(text, dot + 1)) {
        digits = integerDigits(text.substring(0, dot));
      }
    }
    if (digits == null) {
      throw new ConversionException("int_parsing", INT_PARSING_MSG);
    }
    if (digits.length() - (digits.charAt(0) == '-' ? 1 : 0) > MAX_DIGITS) {
      throw new ConversionException(
          "int_parsing_size", "Unable to parse input string as an integer, exceeded maximum size");
    }
    return new BigInteger(digits);
  }

  /** {@code [+-]digits} with single underscores between digits, as Python's int(); else null. */
  private static @Nullable String integerDigits(String text) {
    int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
    if (start == text.length()) {
      return null;
    }
    StringBuilder digits = new StringBuilder(text.length());
    if (text.charAt(0) == '-') {
      digits.append('-');
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c != '_'
          || i == start
          || i == text.length() - 1
          || !isDigit(text.charAt(i + 1))
          || !isDigit(text.charAt(i - 1))) {
        return null; // anything but a digit separator between two digits
      }
    }
    return digits.toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean onlyZeros(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  public static double toDouble(String raw) {
    String text = raw.strip();
    if (isDecimalLiteral(text)) {
      return Double.parseDouble(text.replace("_", ""));
    }
    Double special = specialFloat(text);
    if (special != null) {
      return special;
    }
    throw new ConversionException(
        "float_parsing", "Input should be a valid number, unable to parse string as a number");
  }

  /**
   * Whether the text is a decimal number as Python's float() reads it: {@code [+-]}, digits with an
   * optional point (at least one digit on a side), an optional exponent; single underscores between
   * digits. One pass, no backtracking: the input is the user's.
   */
  static boolean isDecimalLiteral(String text) {
    int i = signEnd(text, 0);
    int intEnd = digitRunEnd(text, i);
    boolean digits = intEnd > i;
    i = intEnd;
    if (i < text.length() && text.charAt(i) == '.') {
      int fracEnd = digitRunEnd(text, i + 1);
      digits |= fracEnd > i + 1;
      i = fracEnd;
    }
    if (!digits) {
      return false;
    }
    if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int expStart = signEnd(text, i + 1);
      i = digitRunEnd(text, expStart);
      if (i == expStart) {
        return false;
      }
    }
    return i == text.length();
  }

  private static int signEnd(String text, int i) {
    return i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-') ? i + 1 : i;
  }

  /** The end of the run of digits at i, with single underscores between digits; i if none. */
  private static int digitRunEnd(String text, int i) {
    if (i >= text.length() || !isDigit(text.charAt(i))) {
      return i;
    }
    int j = i + 1;
    while (j < text.length()) {
      char c = text.charAt(j);
      if (isDigit(c)) {
        j++;
      } else if (c == '_' && j + 1 < text.length() && isDigit(text.charAt(j + 1))) {
        j += 2;
      } else {
        break;
      }
    }
    return j;
  }

  /** Python's words inf, infinity and nan, signed, in any case, as a double; else null. */
  private static @Nullable Double specialFloat(String text) {
    int start = signEnd(text, 0);
    String word = text.substring(start);
    if (word.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
      return start == 1 && text.charAt(0) == '-'
          ? Double.NEGATIVE_INFINITY
          : Double.POSITIVE_INFINITY;
    }
    return null;
  }

  /** pydantic's words, case-insensitive; unlike numbers, not stripped of whitespace. */
  public static boolean toBoolean(String raw) {
    return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
      case "1", "on", "t", "true", "y", "yes" -> true;
      case "0", "off", "f", "false", "n", "no" -> false;
      default ->
          throw new ConversionException(
              "bool_parsing", "Input should be a valid boolean, unable to interpret input");
    };
  }

  public static BigDecimal toDecimal(String raw) {
    String text = raw.strip();
    if (isDecimalLiteral(text)) {
      if (mantissaDigits(text) > MAX_DIGITS) {
        throw decimalParsing();
      }
      try {
        return checkDecimal(new BigDecimal(text.replace("_", "")));
      } catch (NumberFormatException exponentBeyondAnInt) {
        throw decimalParsing();
      }
    }
    if (specialFloat(text) != null) {
      // Python's Decimal reads these, then pydantic rejects them (allow_inf_nan=False for decimals)
      throw new ConversionException("finite_number", "Input should be a finite number");
    }
    throw decimalParsing();
  }

  /**
   * The decimal, if its digits and its exponent are within {@link #MAX_DIGITS}. Python's Decimal
   * has no such bound, but Java's BigDecimal parses a long digit string in quadratic time and
   * writes 1E+999999999 out as a billion digits.
   */
  public static BigDecimal checkDecimal(BigDecimal value) {
    if (value.precision() > MAX_DIGITS || Math.abs((long) value.scale()) > MAX_DIGITS) {
      throw decimalParsing();
    }
    return value;
  }

  private static int mantissaDigits(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        break;
      }
      count += isDigit(c) ? 1 : 0;
    }
    return count;
  }

  private static ConversionException decimalParsing() {
    return new ConversionException("decimal_parsing", "Input should be a valid decimal");
  }
}
