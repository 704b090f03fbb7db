package dev.snel.internal.openapi;

import dev.snel.internal.json.Json;
import dev.snel.internal.routing.RouteModel;
import dev.snel.internal.schema.JsonSchemas;
import dev.snel.internal.schema.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the OpenAPI 3.1 document from the route models and the compiled schemas, the same
 * descriptions that drive binding and encoding, so the document cannot drift from behaviour. Models
 * get FastAPI's component names, with {@code -Input}/{@code -Output} variants where a model's
 * request and response schemas differ.
 */
public final class OpenApiDocument {
  static final String COMPONENTS = "#/components/schemas/";
  private static final String INPUT = COMPONENTS + "@in/";
  private static final String OUTPUT = COMPONENTS + "@out/";

  private OpenApiDocument() {}

  /**
   * The document for these routes (those not hidden), in the order given.
   *
   * @param types the app's compiled schemas, which its routes use
   */
  public static ObjectNode build(List<RouteModel> routes, DocumentInfo info, Schemas types) {
    JsonSchemas input = new JsonSchemas(INPUT, false);
    JsonSchemas output = new JsonSchemas(OUTPUT, true);
    ObjectNode document = Json.mapper().createObjectNode();
    document.put("openapi", "3.1.0");
    document.set("info", info(info));
    if (!info.servers().isEmpty()) {
      document.set("servers", Json.mapper().valueToTree(info.servers()));
    }
    ObjectNode paths = document.putObject("paths");
    Operations operations = new Operations(types, input, output, info.validationError());
    Map<String, ObjectNode> securitySchemes = new LinkedHashMap<>();
    for (RouteModel route : routes) {
      if (!operations.hidden(route)) {
        pathItem(paths, Operations.documentPath(route.path()))
            .set(route.httpMethod().toLowerCase(Locale.ROOT), operations.operation(route));
        // first-seen place, last definition, as FastAPI's dict of definitions keeps them
        route.security().forEach(s -> securitySchemes.put(s.name(), s.scheme().deepCopy()));
      }
    }
    paths.values().forEach(OpenApiDocument::modelOrder);
    if (!info.webhooks().isEmpty()) {
      ObjectNode webhooks = document.putObject("webhooks");
      for (DocumentInfo.Webhook webhook : info.webhooks()) {
        pathItem(webhooks, webhook.name())
            .set(webhook.method().toLowerCase(Locale.ROOT), operations.webhook(webhook));
      }
    }
    Map<String, ObjectNode> schemas = new LinkedHashMap<>(operations.extraComponents());
    Map<String, String> inputNames = new LinkedHashMap<>();
    Map<String, String> outputNames = new LinkedHashMap<>();
    name(input.definitions(), output.definitions(), schemas, inputNames, outputNames);
    if (!schemas.isEmpty() || !securitySchemes.isEmpty()) {
      ObjectNode components = document.putObject("components");
      if (!schemas.isEmpty()) {
        ObjectNode sorted = components.putObject("schemas");
        schemas.keySet().stream().sorted().forEach(name -> sorted.set(name, schemas.get(name)));
      }
      if (!securitySchemes.isEmpty()) {
        components.putObject("securitySchemes").setAll(securitySchemes);
      }
    }
    if (!info.tags().isEmpty()) {
      var tags = document.putArray("tags");
      info.tags()
          .forEach(
              (name, description) -> {
                ObjectNode tag = tags.addObject().put("name", name);
                if (description != null) {
                  tag.put("description", description);
                }
              });
    }
    rewriteRefs(document, inputNames, outputNames);
    dropNulls(document);
    return document;
  }

  /**
   * FastAPI encodes its document with {@code exclude_none=True}, so no member is ever {@code null}:
   * a field defaulting to None has no {@code "default"}. The standalone JSON Schemas keep
   * pydantic's {@code "default": null}; the document drops it the same way.
   */
  private static void dropNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (String key : List.copyOf(object.propertyNames())) {
        if (object.get(key).isNull()) {
          object.remove(key);
        } else {
          dropNulls(object.get(key));
        }
      }
    } else if (node != null && node.isArray()) {
      node.values().forEach(OpenApiDocument::dropNulls);
    }
  }

  /** The keys of an operation in FastAPI's {@code Operation} model's order. */
  private static final List<String> OPERATION_ORDER =
      List.of(
          "tags",
          "summary",
          "description",
          "externalDocs",
          "operationId",
          "parameters",
          "requestBody",
          "responses",
          "callbacks",
          "deprecated",
          "security",
          "servers");

  /**
   * FastAPI re-reads its document through its pydantic models, which put an operation's keys in
   * model order, so {@code security} and {@code deprecated} come after {@code responses}. A path
   * item with a parameter anywhere escapes that (its {@code "in"} is not the model's enum) and
   * keeps the order the operation was built in, {@code security} after {@code operationId}.
   */
  private static void modelOrder(JsonNode pathItem) {
    boolean parameters = pathItem.values().stream().anyMatch(op -> op.has("parameters"));
    if (parameters) {
      return;
    }
    for (JsonNode node : pathItem.values()) {
      if (node instanceof ObjectNode operation) {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        operation.properties().forEach(e -> keys.put(e.getKey(), e.getValue()));
        operation.removeAll();
        OPERATION_ORDER.stream()
            .filter(keys::containsKey)
            .forEach(key -> operation.set(key, keys.remove(key)));
        operation.setAll(keys);
      }
    }
  }

  private static ObjectNode pathItem(ObjectNode paths, String key) {
    return paths.get(key) instanceof ObjectNode item ? item : paths.putObject(key);
  }

  private static ObjectNode info(DocumentInfo info) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("title", info.title());
    if (info.summary() != null) {
      node.put("summary", info.summary());
    }
    if (info.description() != null) {
      node.put("description", info.description());
    }
    if (info.termsOfService() != null) {
      node.put("termsOfService", info.termsOfService());
    }
    if (!info.contact().isEmpty()) {
      node.set("contact", Json.mapper().valueToTree(info.contact()));
    }
    if (!info.license().isEmpty()) {
      node.set("license", Json.mapper().valueToTree(info.license()));
    }
    node.put("version", info.version());
    return node;
  }

  /**
   * FastAPI's naming: a model described the same way for input and output keeps its name; one
   * described differently becomes {@code Name-Input} and {@code Name-Output}.
   */
  private static void name(
      Map<String, ObjectNode> inputs,
      Map<String, ObjectNode> outputs,
      Map<String, ObjectNode> schemas,
      Map<String, String> inputNames,
      Map<String, String> outputNames) {
    for (Map.Entry<String, ObjectNode> in : inputs.entrySet()) {
      ObjectNode out = outputs.get(in.getKey());
      if (out == null || sameAfterRenaming(in.getValue(), out)) {
        schemas.put(in.getKey(), in.getValue());
        inputNames.put(in.getKey(), in.getKey());
      } else {
        schemas.put(in.getKey() + "-Input", in.getValue());
        inputNames.put(in.getKey(), in.getKey() + "-Input");
      }
    }
    for (Map.Entry<String, ObjectNode> out : outputs.entrySet()) {
      String name = out.getKey();
      if (inputNames.containsKey(name) && inputNames.get(name).equals(name)) {
        outputNames.put(name, name);
      } else if (inputNames.containsKey(name)) {
        schemas.put(name + "-Output", out.getValue());
        outputNames.put(name, name + "-Output");
      } else {
        schemas.put(name, out.getValue());
        outputNames.put(name, name);
      }
    }
  }

  private static boolean sameAfterRenaming(ObjectNode input, ObjectNode output) {
    return input.toString().replace(INPUT, "#").equals(output.toString().replace(OUTPUT, "#"));
  }

  /** Every reference to a definition: {@code $ref}s and discriminator mappings' values. */
  private static void rewriteRefs(
      JsonNode node, Map<String, String> inputNames, Map<String, String> outputNames) {
    if (node instanceof ObjectNode object) {
      for (String key : List.copyOf(object.propertyNames())) {
        JsonNode child = object.get(key);
        if (child.isString() && child.asString().startsWith(INPUT)) {
          String name = child.asString().substring(INPUT.length());
          object.put(key, COMPONENTS + inputNames.getOrDefault(name, name));
        } else if (child.isString() && child.asString().startsWith(OUTPUT)) {
          String name = child.asString().substring(OUTPUT.length());
          object.put(key, COMPONENTS + outputNames.getOrDefault(name, name));
        } else {
          rewriteRefs(child, inputNames, outputNames);
        }
      }
    } else if (node != null && node.isArray()) {
      node.values().forEach(child -> rewriteRefs(child, inputNames, outputNames));
    }
  }
}
