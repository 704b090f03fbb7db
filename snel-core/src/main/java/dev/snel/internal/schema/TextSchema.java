package dev.snel.internal.schema;

import dev.snel.internal.values.ConversionException;
import dev.snel.internal.values.Enums;
import dev.snel.internal.values.ScalarConverter;
import dev.snel.internal.values.Scalars;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Types written as JSON strings and read with the same conversions as path and query parameters:
 * UUID, java.time types (also from unix timestamps, like pydantic), and enums (by value).
 */
final class TextSchema extends Schema {
  private final Class<?> type;
  private final ScalarConverter converter;
  private final Map<Object, String> enumValues;

  TextSchema(Class<?> type) {
    this.type = type;
    this.converter = Scalars.converterFor(type).orElseThrow();
    if (type.isEnum()) {
      Map<Object, String> values = new java.util.HashMap<>();
      Enums.valuesOf(type).forEach((wire, constant) -> values.put(constant, wire));
      this.enumValues = values;
    } else {
      this.enumValues = Map.of();
    }
  }

  static boolean supports(Class<?> type) {
    return type.isEnum()
        || type == UUID.class
        || type == LocalDate.class
        || type == LocalDateTime.class
        || type == OffsetDateTime.class
        || type == Instant.class
        || type == LocalTime.class;
  }

  @Override
  public Object decode(JsonParser parser, Decoding decoding) {
    JsonToken token = parser.currentToken();
    boolean temporal = !type.isEnum() && type != UUID.class;
    String raw;
    if (token == JsonToken.VALUE_STRING) {
      raw = parser.getString();
    } else if (temporal && token.isNumeric()) {
      raw = parser.getString();
    } else {
      if (type.isEnum()) {
        Object input = Decoding.readInput(parser);
        try {
          return converter.convert(String.valueOf(input));
        } catch (ConversionException e) {
          return decoding.fail(e, input);
        }
      }
      return decoding.failHere(parser, typeError(), typeMessage());
    }
    try {
      return converter.convert(raw);
    } catch (ConversionException e) {
      return decoding.fail(e, token == JsonToken.VALUE_STRING ? raw : parser.getNumberValue());
    }
  }

  private String typeError() {
    if (type == UUID.class) {
      return "uuid_type";
    }
    if (type == LocalDate.class) {
      return "date_type";
    }
    if (type == LocalTime.class) {
      return "time_type";
    }
    return "datetime_type";
  }

  private String typeMessage() {
    if (type == UUID.class) {
      return "UUID input should be a string, bytes or UUID object";
    }
    if (type == LocalDate.class) {
      return "Input should be a valid date";
    }
    if (type == LocalTime.class) {
      return "Input should be a valid time";
    }
    return "Input should be a valid datetime";
  }

  @Override
  public void encode(Object value, JsonGenerator generator, Encoding encoding) {
    if (value == null || !type.isInstance(value)) {
      encoding.fail(
          type.isEnum() ? "enum" : typeError(),
          type.isEnum() ? "Input should be a valid enum member" : typeMessage(),
          value);
      generator.writeNull();
      return;
    }
    generator.writeString(format(value));
  }

  private String format(Object value) {
    return switch (value) {
      // encode() let only instances of the type through, so an enum has all its constants here
      case Enum<?> e -> Objects.requireNonNull(enumValues.get(e), "enum constant without a value");
      case LocalDateTime t -> SECONDS.format(t) + micros(t.get(ChronoField.NANO_OF_SECOND));
      case OffsetDateTime t ->
          SECONDS.format(t) + micros(t.get(ChronoField.NANO_OF_SECOND)) + offset(t.getOffset());
      case Instant t ->
          SECONDS.format(t.atOffset(ZoneOffset.UTC))
              + micros(t.get(ChronoField.NANO_OF_SECOND))
              + "Z";
      case LocalTime t -> TIME.format(t) + micros(t.get(ChronoField.NANO_OF_SECOND));
      case TemporalAccessor t -> t.toString();
      default -> value.toString();
    };
  }

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  /** pydantic's fraction: six digits when there is one, nothing otherwise. */
  private static String micros(int nanos) {
    int micros = nanos / 1000;
    return micros == 0 ? "" : "." + String.format(java.util.Locale.ROOT, "%06d", micros);
  }

  private static String offset(ZoneOffset offset) {
    return offset.getTotalSeconds() == 0 ? "Z" : offset.getId();
  }

  @Override
  public ObjectNode jsonSchema(JsonSchemas schemas) {
    if (type.isEnum()) {
      return schemas.component(
          type.getSimpleName(),
          this,
          () -> {
            ObjectNode node = schemas.node();
            ArrayNode values = node.putArray("enum");
            Enums.valuesOf(type).keySet().forEach(values::add);
            node.put("title", type.getSimpleName()).put("type", "string");
            return node;
          });
    }
    ObjectNode node = schemas.node().put("type", "string");
    String format =
        type == UUID.class
            ? "uuid"
            : type == LocalDate.class ? "date" : type == LocalTime.class ? "time" : "date-time";
    return node.put("format", format);
  }
}
