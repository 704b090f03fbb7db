package dev.snel.internal.openapi;

import dev.snel.internal.json.Json;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** FastAPI's {@code HTTPValidationError} and {@code ValidationError} components, exactly. */
final class ValidationErrorSchemas {
  private ValidationErrorSchemas() {}

  private static final String HTTP_VALIDATION_ERROR =
      """
      {"properties":{"detail":{"items":{"$ref":"#/components/schemas/ValidationError"},"type":"array","title":"Detail"}},
       "type":"object","title":"HTTPValidationError"}""";

  private static final String VALIDATION_ERROR =
      """
      {"properties":{
         "loc":{"items":{"anyOf":[{"type":"string"},{"type":"integer"}]},"type":"array","title":"Location"},
         "msg":{"type":"string","title":"Message"},
         "type":{"type":"string","title":"Error Type"},
         "input":{"title":"Input"},
         "ctx":{"type":"object","title":"Context"}},
       "type":"object","required":["loc","msg","type"],"title":"ValidationError"}""";

  static void addTo(Map<String, ObjectNode> components) {
    components.computeIfAbsent(
        "HTTPValidationError", k -> (ObjectNode) Json.mapper().readTree(HTTP_VALIDATION_ERROR));
    components.computeIfAbsent(
        "ValidationError", k -> (ObjectNode) Json.mapper().readTree(VALIDATION_ERROR));
  }
}
