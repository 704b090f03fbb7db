package dev.snel.docstests;

import dev.snel.Snel;
import dev.snel.testing.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The operations an app's OpenAPI document lists: what the docs pages must show. */
record Operations(List<Operation> all) {

  /** One operation of the document. */
  record Operation(String method, String path, String operationId) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  static Operations of(Snel app) {
    JsonNode document = TestClient.json(app.openApiJson());
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          operations.add(
              new Operation(
                  operation.getKey().toUpperCase(Locale.ROOT),
                  path.getKey(),
                  operation.getValue().get("operationId").asString()));
        }
      }
    }
    return new Operations(List.copyOf(operations));
  }
}
