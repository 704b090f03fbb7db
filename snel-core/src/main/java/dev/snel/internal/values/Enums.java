package dev.snel.internal.values;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enums are matched by value, like Python's {@code Enum}: the value is the constant's name, or what
 * a Jackson {@code @JsonValue} method or field returns.
 */
public final class Enums {
  private Enums() {}

  /** The value on the wire of each constant, in declaration order. */
  public static Map<String, Object> valuesOf(Class<?> type) {
    Map<String, Object> byValue = new LinkedHashMap<>();
    for (Object constant : type.getEnumConstants()) {
      byValue.put(wireValue(type, constant), constant);
    }
    return byValue;
  }

  static ScalarConverter converter(Class<?> type) {
    Map<String, Object> byValue = valuesOf(type);
    List<String> quoted = new ArrayList<>();
    byValue.keySet().forEach(v -> quoted.add("'" + v + "'"));
    String expected = expectedText(quoted);
    return raw -> {
      Object constant = byValue.get(raw);
      if (constant == null) {
        throw new ConversionException(
            "enum", "Input should be " + expected, Map.of("expected", expected));
      }
      return constant;
    };
  }

  /** pydantic's "'a', 'b' or 'c'". */
  private static String expectedText(List<String> quoted) {
    if (quoted.size() == 1) {
      return quoted.get(0);
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1))
        + " or "
        + quoted.get(quoted.size() - 1);
  }

  private static String wireValue(Class<?> type, Object constant) {
    try {
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
          method.setAccessible(true);
          return String.valueOf(method.invoke(constant));
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(JsonValue.class)) {
          field.setAccessible(true);
          return String.valueOf(field.get(constant));
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the @JsonValue of " + type.getName(), e);
    }
    return ((Enum<?>) constant).name();
  }
}
