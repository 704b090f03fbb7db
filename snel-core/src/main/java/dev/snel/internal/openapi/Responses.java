package dev.snel.internal.openapi;

import dev.snel.internal.http.StatusReasons;
import dev.snel.internal.json.Json;
import dev.snel.internal.routing.ResponseVariants;
import dev.snel.internal.routing.Streaming;
import dev.snel.internal.schema.JsonSchemas;
import dev.snel.internal.schema.Schemas;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An operation's {@code responses}: the success response with the response model's output schema
 * (one response per status for a sealed response type whose records carry their own
 * {@code @Status}), then the validation-error response.
 */
final class Responses {
  private final Schemas types;
  private final JsonSchemas output;
  private final DocumentInfo.ValidationErrorResponse validationError;
  private final Map<String, ObjectNode> extra;

  Responses(
      Schemas types,
      JsonSchemas output,
      DocumentInfo.ValidationErrorResponse validationError,
      Map<String, ObjectNode> extra) {
    this.types = types;
    this.output = output;
    this.validationError = validationError;
    this.extra = extra;
  }

  /**
   * @param model the response model; a stream's item type
   * @param streaming whether the response is a stream of items, documented by its item schema
   * @param status the route's status
   * @param description the success response's description
   * @param operationId names the schema of a response that is not a model, as FastAPI does
   * @param validates whether the request has parameters or a body that can fail validation
   */
  ObjectNode of(
      Type model,
      Streaming streaming,
      int status,
      String description,
      String operationId,
      boolean validates) {
    ObjectNode responses = Json.mapper().createObjectNode();
    ResponseVariants variants = ResponseVariants.of(model, status);
    if (streaming != Streaming.NONE) {
      ObjectNode success = responses.putObject(Integer.toString(status));
      success.put("description", description);
      if (bodyAllowed(status)) {
        success
            .putObject("content")
            .putObject(Objects.requireNonNull(streaming.mediaType()))
            .set("itemSchema", itemSchema(model, streaming, operationId));
      }
    } else if (variants.any(status)) {
      variantResponses(responses, model, variants, status, description);
    } else {
      ObjectNode success = responses.putObject(Integer.toString(status));
      success.put("description", description);
      if (bodyAllowed(status)) {
        content(success, schema(model, operationId));
      }
    }
    String invalid = Integer.toString(validationError.status());
    if (validates
        && !responses.has(invalid)
        && !responses.has("4XX")
        && !responses.has("default")) {
      ObjectNode response = responses.putObject(invalid);
      response.put("description", "Validation Error");
      if (validationError.body() == null) {
        content(
            response,
            Json.mapper()
                .createObjectNode()
                .put("$ref", OpenApiDocument.COMPONENTS + "HTTPValidationError"));
        ValidationErrorSchemas.addTo(extra);
      } else {
        content(response, output.describe(types.get(validationError.body())));
      }
    }
    return responses;
  }

  /**
   * One response per status of a sealed response type's records, in status order; records that
   * share a status share a response whose schema is their union.
   */
  private void variantResponses(
      ObjectNode responses, Type model, ResponseVariants variants, int status, String description) {
    ObjectNode union =
        output.describe(types.get(model)); // registers each record under its own name
    boolean tagged = union.has("oneOf");
    ArrayNode refs = (ArrayNode) union.get(tagged ? "oneOf" : "anyOf");
    List<Integer> statuses = new ArrayList<>(variants.statuses().values());
    Map<Integer, List<JsonNode>> byStatus = new TreeMap<>();
    for (int i = 0; i < statuses.size(); i++) {
      byStatus.computeIfAbsent(statuses.get(i), k -> new ArrayList<>()).add(refs.get(i));
    }
    byStatus.forEach(
        (code, members) -> {
          ObjectNode response = responses.putObject(Integer.toString(code));
          response.put("description", code == status ? description : StatusReasons.phrase(code));
          if (bodyAllowed(code)) {
            content(
                response,
                members.size() == 1
                    ? (ObjectNode) members.get(0).deepCopy()
                    : subUnion(union, members, tagged));
          }
        });
  }

  private ObjectNode subUnion(ObjectNode union, List<JsonNode> members, boolean tagged) {
    ObjectNode node = output.node();
    node.putArray(tagged ? "oneOf" : "anyOf")
        .addAll(members.stream().map(JsonNode::deepCopy).toList());
    if (tagged) {
      ObjectNode discriminator = (ObjectNode) union.get("discriminator").deepCopy();
      ObjectNode mapping = (ObjectNode) discriminator.get("mapping");
      List<String> refs = members.stream().map(m -> m.get("$ref").asString()).toList();
      new ArrayList<>(mapping.propertyNames())
          .stream()
              .filter(tag -> !refs.contains(mapping.get(tag).asString()))
              .forEach(mapping::remove);
      node.set("discriminator", discriminator);
    }
    return node;
  }

  /**
   * The response model's schema. Free-form results (Object, untyped maps) are {@code {}}, as an
   * unannotated FastAPI route's; a schema that is not a model's {@code $ref} gets FastAPI's title
   * {@code Response <Operation Id>}.
   */
  private ObjectNode schema(Type model, String operationId) {
    if (model == Object.class
        || (model instanceof ParameterizedType p
            && p.getRawType() == Map.class
            && p.getActualTypeArguments()[1] == Object.class)) {
      return output.node();
    }
    ObjectNode schema = output.describe(types.get(model));
    if (!schema.has("$ref")) {
      schema.put("title", pythonTitle("Response_" + operationId));
    }
    return schema;
  }

  /**
   * A stream's {@code itemSchema}, as FastAPI writes it (OpenAPI 3.2's way): for JSON Lines the
   * item's schema; for Server-Sent Events the event's fields, {@code data} being a string of JSON
   * whose schema is the item's ({@code contentSchema}), and required, when the item type is known.
   */
  private ObjectNode itemSchema(Type item, Streaming streaming, String operationId) {
    ObjectNode schema = item == Object.class ? output.node() : output.describe(types.get(item));
    if (item != Object.class && !schema.has("$ref")) {
      schema.put("title", pythonTitle("StreamItem_" + operationId));
    }
    if (streaming == Streaming.JSON_LINES) {
      return schema;
    }
    ObjectNode event = output.node().put("type", "object");
    ObjectNode properties = event.putObject("properties");
    ObjectNode data = properties.putObject("data").put("type", "string");
    properties.putObject("event").put("type", "string");
    properties.putObject("id").put("type", "string");
    properties.putObject("retry").put("type", "integer").put("minimum", 0);
    if (item != Object.class) {
      data.put("contentMediaType", "application/json").set("contentSchema", schema);
      event.putArray("required").add("data");
    }
    return event;
  }

  private static void content(ObjectNode response, ObjectNode schema) {
    response.putObject("content").putObject("application/json").set("schema", schema);
  }

  /** Starlette's rule: no body for 1xx, 204, 205 and 304. */
  static boolean bodyAllowed(int status) {
    return status >= 200 && status != 204 && status != 205 && status != 304;
  }

  /** Python's {@code name.replace("_", " ").title()}: double underscores stay double spaces. */
  static String pythonTitle(String name) {
    StringBuilder title = new StringBuilder(name.length());
    boolean startOfWord = true;
    for (char c : name.replace('_', ' ').toCharArray()) {
      title.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
      startOfWord = !Character.isLetter(c);
    }
    return title.toString();
  }
}
