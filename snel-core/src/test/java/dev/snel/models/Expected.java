package dev.snel.models;

import dev.snel.Response;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Expected FastAPI answers for the model tests. Items are written to JSON text and parsed back,
 * so that numbers compare equal to those parsed from a response.
 */
final class Expected {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Expected() {}

  /** {@code {"detail": [...]}}, the 422 body, from items made by {@link #error}. */
  static JsonNode detail(String... items) {
    return json("{\"detail\":[" + String.join(",", items) + "]}");
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

  /** One error item whose input and ctx are written as JSON text (ctx may be null for none). */
  static String errorJson(String type, List<?> loc, String msg, String inputJson, String ctxJson) {
    return "{\"type\":" + MAPPER.writeValueAsString(type)
        + ",\"loc\":" + MAPPER.writeValueAsString(loc)
        + ",\"msg\":" + MAPPER.writeValueAsString(msg)
        + ",\"input\":" + inputJson
        + (ctxJson == null ? "" : ",\"ctx\":" + ctxJson)
        + "}";
  }

  /** A JSON value from its text. */
  static JsonNode json(String text) {
    return TestClient.json(text);
  }

  /** Posts a JSON text exactly as written. */
  static TestResponse postJson(TestClient client, String target, String body) {
    return client.request("POST", target).body(body.getBytes(StandardCharsets.UTF_8), Response.JSON).send();
  }
}
