package dev.snel.testing;

import dev.snel.Headers;
import dev.snel.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A response as a test sees it: status, headers, body as text or JSON.
 *
 * <pre>{@code
 * TestResponse response = client.get("/items/5?q=x");
 * assertThat(response.status()).isEqualTo(200);
 * assertThat(response.json()).isEqualTo(TestClient.json("{\"item_id\":5,\"query_param\":\"x\"}"));
 * }</pre>
 */
public final class TestResponse {
  private final int status;
  private final Headers headers;
  private final byte[] body;

  TestResponse(int status, Headers headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** The status code. */
  public int status() {
    return status;
  }

  /** The first value of a header, if present. */
  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /** Every value of a header. */
  public List<String> headers(String name) {
    return headers.all(name);
  }

  /** All headers. */
  public Headers headers() {
    return headers;
  }

  /**
   * The cookies this response sets, name to value, from its {@code Set-Cookie} headers (the
   * attributes left out); httpx's {@code response.cookies}. A cookie being deleted has the value
   * the header gives it, usually empty: read {@link #headers(String)} for the attributes.
   */
  public Map<String, String> cookies() {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String line : headers.all("set-cookie")) {
      String pair = line.split(";", 2)[0];
      int equals = pair.indexOf('=');
      if (equals > 0) {
        cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
      }
    }
    return cookies;
  }

  /** The body bytes. */
  public byte[] body() {
    return body;
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body parsed as JSON; fails the test if it is not JSON. */
  public JsonNode json() {
    return Json.mapper().readTree(body);
  }

  /** The body read as JSON into a type. */
  public <T> T json(Class<T> type) {
    return Json.mapper().readValue(body, type);
  }

  @Override
  public String toString() {
    return status + " " + headers + " " + text();
  }
}
