package dev.snel.models;

import dev.snel.Response;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** Helpers of the model tests: expected JSON, and bodies sent exactly as written. */
final class Expected {
  private Expected() {}

  /** A JSON value from its text, to compare with a response's. */
  static JsonNode json(String text) {
    return TestClient.json(text);
  }

  /** Posts a JSON text exactly as written (member order, numbers, duplicates and all). */
  static TestResponse postJson(TestClient client, String target, String body) {
    return client
        .request("POST", target)
        .body(body.getBytes(StandardCharsets.UTF_8), Response.JSON)
        .send();
  }
}
