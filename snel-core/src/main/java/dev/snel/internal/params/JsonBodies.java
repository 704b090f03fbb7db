package dev.snel.internal.params;

import dev.snel.ValidationError;
import dev.snel.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads JSON bodies with Jackson and turns Jackson's failures into FastAPI's errors: malformed
 * JSON is {@code json_invalid} at a character position, a value of the wrong type is a
 * pydantic type error at its path in the body.
 */
final class JsonBodies {
  private JsonBodies() {}

  private static final Object NO_INPUT = Map.of();

  static JsonNode readTree(Binding binding) {
    byte[] body = binding.request().body();
    try {
      return Json.mapper().readTree(body);
    } catch (JacksonException e) {
      binding.fail(jsonInvalid(body));
      return null;
    }
  }

  static Object read(Binding binding, ObjectReader reader, byte[] body, List<Object> loc) {
    try {
      return reader.readValue(body);
    } catch (JacksonException e) {
      ValidationError syntax = e instanceof StreamReadException || isTrailing(e) ? jsonInvalid(body) : null;
      binding.fail(syntax != null ? syntax : mismatch(e, loc, body));
    }
    return null;
  }

  static Object read(Binding binding, ObjectReader reader, JsonNode node, List<Object> loc) {
    try {
      return reader.readValue(node);
    } catch (JacksonException e) {
      binding.fail(mismatch(e, loc, node));
    }
    return null;
  }

  private static boolean isTrailing(JacksonException e) {
    return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token");
  }

  /**
   * FastAPI's answer to a body that is not JSON: the character position and the message of
   * Python's json module, found by re-reading the body as text (errors are rare; the valid path
   * never pays for this).
   */
  private static ValidationError jsonInvalid(byte[] body) {
    JsonSyntax.Problem problem = JsonSyntax.diagnose(new String(body, StandardCharsets.UTF_8));
    return new ValidationError(
        "json_invalid",
        List.of("body", problem.position()),
        "JSON decode error",
        NO_INPUT,
        Map.of("error", problem.error()));
  }

  private static ValidationError mismatch(JacksonException e, List<Object> loc, Object input) {
    List<Object> at = new ArrayList<>(loc);
    for (JacksonException.Reference ref : e.getPath()) {
      at.add(ref.getPropertyName() != null ? ref.getPropertyName() : ref.getIndex());
    }
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    String[] typeAndMsg = typeError(target);
    Object shown = input instanceof byte[] ? NO_INPUT : input;
    return new ValidationError(typeAndMsg[0], at, typeAndMsg[1], shown);
  }

  private static String[] typeError(Class<?> target) {
    if (target == null) {
      return new String[] {"value_error", "Value error, invalid value"};
    }
    if (target == int.class || target == Integer.class || target == long.class || target == Long.class
        || target == short.class || target == Short.class) {
      return new String[] {"int_parsing", "Input should be a valid integer, unable to parse string as an integer"};
    }
    if (target == double.class || target == Double.class || target == float.class || target == Float.class) {
      return new String[] {"float_parsing", "Input should be a valid number, unable to parse string as a number"};
    }
    if (target == boolean.class || target == Boolean.class) {
      return new String[] {"bool_parsing", "Input should be a valid boolean, unable to interpret input"};
    }
    if (target == String.class) {
      return new String[] {"string_type", "Input should be a valid string"};
    }
    if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
      return new String[] {"list_type", "Input should be a valid list"};
    }
    return new String[] {"model_attributes_type", "Input should be a valid dictionary or object to extract fields from"};
  }
}
