package dev.snel.internal.schema;

import dev.snel.internal.values.ConversionException;
import dev.snel.internal.values.Scalars;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.node.ObjectNode;

/**
 * Java's integer types. Lax like pydantic: {@code 5.0}, {@code "5"} and booleans are ints; {@code
 * 5.5} is {@code int_from_float}. Strict: JSON integers only. Values beyond the Java type fail like
 * a pydantic {@code conint(ge=, le=)}.
 */
final class IntegerSchema extends Schema {
  private static final String INT_TYPE = "Input should be a valid integer";

  private final Class<?> type;
  private final long min;
  private final long max;
  private final boolean strict;

  IntegerSchema(Class<?> type, boolean strict) {
    this.type = type;
    this.strict = strict;
    if (type == int.class || type == Integer.class) {
      min = Integer.MIN_VALUE;
      max = Integer.MAX_VALUE;
    } else if (type == short.class || type == Short.class) {
      min = Short.MIN_VALUE;
      max = Short.MAX_VALUE;
    } else if (type == byte.class || type == Byte.class) {
      min = Byte.MIN_VALUE;
      max = Byte.MAX_VALUE;
    } else {
      min = Long.MIN_VALUE;
      max = Long.MAX_VALUE;
    }
  }

  private boolean big() {
    return type == BigInteger.class;
  }

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    switch (parser.currentToken()) {
      case VALUE_NUMBER_INT -> {
        if (big()) {
          return parser.getBigIntegerValue();
        }
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return outOfRange(parser.getBigIntegerValue(), decoding);
        }
        return box(checkRange(parser.getLongValue(), parser.getNumberValue(), decoding));
      }
      case VALUE_NUMBER_FLOAT -> {
        if (strict) {
          return decoding.failHere(parser, "int_type", INT_TYPE);
        }
        double d = parser.getDoubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          return decoding.fail("finite_number", "Input should be a finite number", d, Map.of());
        }
        BigDecimal exact = parser.getDecimalValue();
        if (exact.stripTrailingZeros().scale() > 0) {
          return decoding.fail(
              "int_from_float",
              "Input should be a valid integer, got a number with a fractional part",
              d,
              Map.of());
        }
        return fromBig(exact.toBigIntegerExact(), d, decoding);
      }
      case VALUE_STRING -> {
        if (strict) {
          return decoding.failHere(parser, "int_type", INT_TYPE);
        }
        String raw = parser.getString();
        try {
          return fromBig(Scalars.bigInteger(raw), raw, decoding);
        } catch (ConversionException e) {
          return decoding.fail(e, raw);
        }
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        if (strict) {
          return decoding.failHere(parser, "int_type", INT_TYPE);
        }
        return box(parser.getBooleanValue() ? 1 : 0);
      }
      default -> {
        return decoding.failHere(parser, "int_type", INT_TYPE);
      }
    }
  }

  private Object fromBig(BigInteger value, Object input, Decoding decoding) {
    if (big()) {
      return value;
    }
    if (value.bitLength() >= 64) {
      return outOfRange(value, decoding, input);
    }
    return box(checkRange(value.longValue(), input, decoding));
  }

  private Object outOfRange(BigInteger value, Decoding decoding) {
    return outOfRange(value, decoding, value);
  }

  private Object outOfRange(BigInteger value, Decoding decoding, Object input) {
    if (value.signum() > 0) {
      return decoding.fail(
          "less_than_equal",
          "Input should be less than or equal to " + max,
          input,
          Map.of("le", max));
    }
    return decoding.fail(
        "greater_than_equal",
        "Input should be greater than or equal to " + min,
        input,
        Map.of("ge", min));
  }

  /** The value, or a marker after recording a range error. */
  private Object checkRange(long value, Object input, Decoding decoding) {
    if (value > max) {
      return decoding.fail(
          "less_than_equal",
          "Input should be less than or equal to " + max,
          input,
          Map.of("le", max));
    }
    if (value < min) {
      return decoding.fail(
          "greater_than_equal",
          "Input should be greater than or equal to " + min,
          input,
          Map.of("ge", min));
    }
    return value;
  }

  private Object box(Object checked) {
    if (Decoding.invalid(checked)) {
      return checked;
    }
    long value = ((Number) checked).longValue();
    if (type == int.class || type == Integer.class) {
      return (int) value;
    }
    if (type == short.class || type == Short.class) {
      return (short) value;
    }
    if (type == byte.class || type == Byte.class) {
      return (byte) value;
    }
    if (big()) {
      return BigInteger.valueOf(value);
    }
    return value;
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    switch (value) {
      case Integer i -> generator.writeNumber(i);
      case Long l -> generator.writeNumber(l);
      case Short s -> generator.writeNumber(s);
      case Byte b -> generator.writeNumber(b);
      case BigInteger b -> generator.writeNumber(b);
      case null, default -> {
        encoding.fail("int_type", INT_TYPE, value);
        generator.writeNull();
      }
    }
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    return schemas.node().put("type", "integer");
  }
}
