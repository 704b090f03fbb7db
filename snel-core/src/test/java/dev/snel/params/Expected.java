package dev.snel.params;

import dev.snel.testing.TestClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Expected FastAPI answers, built for table-driven tests. The items are written to JSON text and
 * parsed back, so that numbers compare equal to those parsed from a response.
 */
final class Expected {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Expected() {}

  /** {@code {"detail": [...]}}, the 422 body, from error items made by {@link #error}. */
  static JsonNode detail(String... items) {
    return TestClient.json("{\"detail\":[" + String.join(",", items) + "]}");
  }

  /** One error item without ctx. */
  static String error(String type, List<?> loc, String msg, Object input) {
    return error(type, loc, msg, input, Map.of());
  }

  /** One error item; ctx is left out when empty, as FastAPI does. */
  static String error(String type, List<?> loc, String msg, Object input, Map<String, ?> ctx) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("type", type);
    item.put("loc", loc);
    item.put("msg", msg);
    item.put("input", input);
    if (!ctx.isEmpty()) {
      item.put("ctx", ctx);
    }
    return MAPPER.writeValueAsString(item);
  }

  /** A JSON value from its text, e.g. {@code json("5")} or {@code json("\"5\"")}. */
  static JsonNode json(String text) {
    return TestClient.json(text);
  }

  /** The value as a JSON string node. */
  static JsonNode string(String value) {
    return TestClient.json(MAPPER.writeValueAsString(value));
  }

  /** A query-string value, percent-encoded so that it arrives exactly as written. */
  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
