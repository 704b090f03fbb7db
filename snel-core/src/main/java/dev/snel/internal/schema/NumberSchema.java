package dev.snel.internal.schema;

import dev.snel.internal.values.ConversionException;
import dev.snel.internal.values.Scalars;
import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code double}, {@code float} and {@code BigDecimal}: numbers; lax also numeric strings and
 * booleans.
 */
final class NumberSchema extends Schema {
  private static final String DECIMAL_PATTERN = "^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$";

  private final Class<?> type;
  private final boolean strict;

  NumberSchema(Class<?> type, boolean strict) {
    this.type = type;
    this.strict = strict;
  }

  private boolean decimal() {
    return type == BigDecimal.class;
  }

  private String typeError() {
    return decimal() ? "decimal_type" : "float_type";
  }

  private String typeMessage() {
    return decimal()
        ? "Decimal input should be an integer, float, string or Decimal object"
        : "Input should be a valid number";
  }

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    switch (parser.currentToken()) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        if (!decimal()) {
          return box(parser.getDoubleValue());
        }
        try {
          BigDecimal value;
          try {
            value = parser.getDecimalValue();
          } catch (NumberFormatException beyondJacksonsLimits) { // 1e99999999910
            value = Scalars.toDecimal(parser.getText()); // the same answer as the same text
          }
          return Scalars.checkDecimal(value);
        } catch (ConversionException e) {
          return decoding.fail(e, parser.getText());
        }
      }
      case VALUE_STRING -> {
        if (strict && !decimal()) {
          return decoding.failHere(parser, typeError(), typeMessage());
        }
        String raw = parser.getString();
        try {
          return decimal() ? Scalars.toDecimal(raw) : box(Scalars.toDouble(raw));
        } catch (ConversionException e) {
          return decoding.fail(e, raw);
        }
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        if (strict || decimal()) {
          return decoding.failHere(parser, typeError(), typeMessage());
        }
        return box(parser.getBooleanValue() ? 1 : 0);
      }
      default -> {
        return decoding.failHere(parser, typeError(), typeMessage());
      }
    }
  }

  private Object box(double value) {
    return type == float.class || type == Float.class ? (Object) (float) value : (Object) value;
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    switch (value) {
      case Double d -> generator.writeNumber(d);
      case Float f -> generator.writeNumber(f);
      case BigDecimal d -> {
        if (decimal()) {
          generator.writeString(d.toPlainString()); // pydantic writes Decimal as a string
        } else {
          generator.writeNumber(d);
        }
      }
      case Number n -> generator.writeNumber(n.doubleValue());
      case null, default -> {
        encoding.fail(typeError(), typeMessage(), value);
        generator.writeNull();
      }
    }
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    if (!decimal()) {
      return schemas.node().put("type", "number");
    }
    // pydantic's pattern for a decimal written as a string: digits with at most one point
    ObjectNode text = schemas.node().put("type", "string").put("pattern", DECIMAL_PATTERN);
    if (schemas.output()) {
      return text;
    }
    ObjectNode node = schemas.node();
    node.putArray("anyOf").add(schemas.node().put("type", "number")).add(text);
    return node;
  }
}
