package dev.snel.internal.schema;

import dev.snel.internal.values.ConversionException;
import dev.snel.internal.values.Scalars;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.node.ObjectNode;

/** {@code boolean}: true/false; lax also 0/1 and pydantic's words ("yes", "off"...). */
final class BooleanSchema extends Schema {
  private static final String PARSING =
      "Input should be a valid boolean, unable to interpret input";
  private final boolean strict;

  BooleanSchema(boolean strict) {
    this.strict = strict;
  }

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    switch (parser.currentToken()) {
      case VALUE_TRUE -> {
        return true;
      }
      case VALUE_FALSE -> {
        return false;
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        if (strict) {
          return decoding.failHere(parser, "bool_type", "Input should be a valid boolean");
        }
        double value = parser.getDoubleValue();
        if (value == 0 || value == 1) {
          return value == 1;
        }
        if (value != Math.rint(value) || Double.isInfinite(value)) {
          // pydantic reads a float as a bool only through an int: 0.5 is not a boolean at all
          return decoding.failHere(parser, "bool_type", "Input should be a valid boolean");
        }
        return decoding.fail("bool_parsing", PARSING, parser.getNumberValue(), Map.of());
      }
      case VALUE_STRING -> {
        if (strict) {
          return decoding.failHere(parser, "bool_type", "Input should be a valid boolean");
        }
        String raw = parser.getString();
        try {
          return Scalars.toBoolean(raw);
        } catch (ConversionException e) {
          return decoding.fail(e, raw);
        }
      }
      default -> {
        return decoding.failHere(parser, "bool_type", "Input should be a valid boolean");
      }
    }
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    if (value instanceof Boolean b) {
      generator.writeBoolean(b);
    } else {
      encoding.fail("bool_type", "Input should be a valid boolean", value);
      generator.writeNull();
    }
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    return schemas.node().put("type", "boolean");
  }
}
