package dev.snel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ad hoc JSON objects for the answers that need no model of their own: FastAPI's dict literal.
 *
 * <pre>{@code
 * @Get("/items/{item_id}")
 * public Map<String, Object> readItem(long item_id, Optional<String> q) {
 *   return Json.object("item_id", item_id, "q", q.orElse(null)); // {"item_id":5,"q":null}
 * }
 * }</pre>
 *
 * <p>Prefer a record when the answer has a fixed shape: it documents the response in OpenAPI, which
 * a map cannot. Reach for {@code Json.object} where FastAPI returns a dict.
 */
public final class Json {
  private Json() {}

  /**
   * A JSON object of the given names and values, in that order: {@code object("a", 1, "b", null)}
   * is {@code {"a":1,"b":null}}. Unlike {@link Map#of}, it keeps the order and takes {@code null}
   * values (written as JSON {@code null}). The map is new and modifiable, so entries can be added
   * afterwards, as with a dict's {@code update}.
   *
   * @param namesAndValues a name (a {@code String}), then its value, and so on
   * @throws IllegalArgumentException if a name is missing, is not a {@code String}, or repeats
   */
  public static Map<String, Object> object(@Nullable Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "Json.object takes names and values in pairs; the value of \""
              + namesAndValues[namesAndValues.length - 1]
              + "\" is missing");
    }
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (!(namesAndValues[i] instanceof String name)) {
        throw new IllegalArgumentException(
            "Json.object: argument "
                + (i + 1)
                + " must be a name (a String), not "
                + namesAndValues[i]);
      }
      if (object.containsKey(name)) {
        throw new IllegalArgumentException("Json.object: the name \"" + name + "\" is given twice");
      }
      object.put(name, namesAndValues[i + 1]);
    }
    return object;
  }
}
