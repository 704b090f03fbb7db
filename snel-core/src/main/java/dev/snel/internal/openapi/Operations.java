package dev.snel.internal.openapi;

import dev.snel.Operation;
import dev.snel.internal.json.Json;
import dev.snel.internal.params.ParamModel;
import dev.snel.internal.params.Scalars;
import dev.snel.internal.params.Source;
import dev.snel.internal.routing.RouteModel;
import dev.snel.internal.schema.JsonSchemaKeywords;
import dev.snel.internal.schema.JsonSchemas;
import dev.snel.internal.schema.Names;
import dev.snel.internal.schema.Schemas;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One OpenAPI operation per route model, with FastAPI's conventions. */
final class Operations {
  private final JsonSchemas input;
  private final JsonSchemas output;
  private final Map<String, ObjectNode> extra = new LinkedHashMap<>();
  private final Set<String> operationIds = new java.util.HashSet<>();

  Operations(JsonSchemas input, JsonSchemas output) {
    this.input = input;
    this.output = output;
  }

  boolean hidden(RouteModel route) {
    Operation operation = route.handler().getAnnotation(Operation.class);
    return operation != null && operation.hidden();
  }

  /** Components the operations need beyond the models: validation errors, combined bodies. */
  Map<String, ObjectNode> extraComponents() {
    return extra;
  }

  ObjectNode operation(RouteModel route) {
    Operation annotation = route.handler().getAnnotation(Operation.class);
    ObjectNode operation = Json.mapper().createObjectNode();
    if (!route.tags().isEmpty()) {
      ArrayNode tags = operation.putArray("tags");
      route.tags().forEach(tags::add);
    }
    String snakeName = Names.snake(route.handler().getName());
    operation.put("summary", annotation != null && !annotation.summary().isEmpty() ? annotation.summary() : Names.title(snakeName));
    if (annotation != null && !annotation.description().isEmpty()) {
      operation.put("description", annotation.description());
    }
    String operationId =
        annotation != null && !annotation.operationId().isEmpty()
            ? annotation.operationId()
            : (snakeName + route.path()).replaceAll("\\W", "_") + "_" + route.httpMethod().toLowerCase(Locale.ROOT);
    if (!operationIds.add(operationId)) {
      throw new IllegalStateException("two operations have the operationId " + operationId + "; set one with @Operation(operationId=...)");
    }
    operation.put("operationId", operationId);
    ArrayNode parameters = Json.mapper().createArrayNode();
    List<ParamModel> bodies = new ArrayList<>();
    boolean validates = false;
    for (ParamModel param : route.params()) {
      switch (param.source()) {
        case INJECTED -> {}
        case BODY -> {
          bodies.add(param);
          validates = true;
        }
        default -> {
          parameters.add(parameter(param));
          validates = true;
        }
      }
    }
    if (!parameters.isEmpty()) {
      operation.set("parameters", parameters);
    }
    if (!bodies.isEmpty()) {
      operation.set("requestBody", requestBody(bodies, operationId));
    }
    operation.set("responses", responses(route, annotation, validates));
    if (route.handler().isAnnotationPresent(Deprecated.class)) {
      operation.put("deprecated", true);
    }
    return operation;
  }

  private ObjectNode parameter(ParamModel param) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("name", param.wireName());
    node.put("in", param.source().loc());
    node.put("required", param.required());
    if (!param.description().isEmpty()) {
      node.put("description", param.description());
    }
    ObjectNode schema = input.describe(Schemas.of(param.valueType()));
    JsonSchemaKeywords.constrain(schema, param.annotations());
    if (param.multi()) {
      ObjectNode array = input.node().put("type", "array");
      array.set("items", schema);
      schema = array;
    }
    if (!param.required() && param.defaultValue().isEmpty()) {
      ObjectNode nullable = input.node();
      nullable.putArray("anyOf").add(schema).add(input.node().put("type", "null"));
      schema = nullable;
    }
    schema.put("title", Names.title(param.wireName()));
    if (param.defaultValue().isPresent()) {
      schema.set("default", defaultJson(param, param.defaultValue().get()));
    }
    JsonSchemaKeywords.document(schema, param.annotations().stream().filter(a -> !(a instanceof dev.snel.Description)).toList());
    node.set("schema", schema);
    return node;
  }

  private static JsonNode defaultJson(ParamModel param, List<String> raw) {
    Class<?> type = param.valueType() instanceof Class<?> c ? c : Object.class;
    var converter = Scalars.converterFor(type).orElseThrow();
    List<Object> values = raw.stream().map(converter::convert).toList();
    Object value = param.multi() ? values : values.get(0);
    if (value instanceof Enum<?> || (param.multi() && !values.isEmpty() && values.get(0) instanceof Enum<?>)) {
      value = param.multi() ? raw : raw.get(0);
    }
    return Json.mapper().valueToTree(value);
  }

  private ObjectNode requestBody(List<ParamModel> bodies, String operationId) {
    ObjectNode body = Json.mapper().createObjectNode();
    ObjectNode schema;
    boolean required;
    if (bodies.size() == 1 && !embedded(bodies.get(0))) {
      ParamModel only = bodies.get(0);
      schema = input.describe(Schemas.of(only.valueType()));
      required = only.required();
      if (!required) {
        ObjectNode nullable = input.node();
        nullable.putArray("anyOf").add(schema).add(input.node().put("type", "null"));
        nullable.put("title", Names.title(only.wireName()));
        schema = nullable;
      }
    } else {
      String name = "Body_" + operationId;
      ObjectNode combined = input.node();
      ObjectNode properties = combined.putObject("properties");
      ArrayNode requiredNames = Json.mapper().createArrayNode();
      for (ParamModel param : bodies) {
        ObjectNode property = input.describe(Schemas.of(param.valueType()));
        if (!property.has("$ref")) {
          property.put("title", Names.title(param.wireName()));
        }
        properties.set(param.wireName(), property);
        if (param.required()) {
          requiredNames.add(param.wireName());
        }
      }
      if (!requiredNames.isEmpty()) {
        combined.set("required", requiredNames);
      }
      combined.put("type", "object").put("title", name);
      extra.put(name, combined);
      schema = input.node().put("$ref", OpenApiDocument.COMPONENTS + name);
      required = !requiredNames.isEmpty();
    }
    body.putObject("content").putObject("application/json").set("schema", schema);
    if (required) {
      body.put("required", true);
    }
    return body;
  }

  private static boolean embedded(ParamModel body) {
    dev.snel.Body annotation = body.annotations().stream()
        .filter(dev.snel.Body.class::isInstance).map(dev.snel.Body.class::cast).findFirst().orElse(null);
    return annotation != null && annotation.embed();
  }

  private ObjectNode responses(RouteModel route, Operation annotation, boolean validates) {
    ObjectNode responses = Json.mapper().createObjectNode();
    ObjectNode success = responses.putObject(Integer.toString(route.status()));
    success.put("description", annotation != null ? annotation.responseDescription() : "Successful Response");
    if (route.status() != 204 && route.status() != 304) {
      success.putObject("content").putObject("application/json").set("schema", responseSchema(route.responseModel()));
    }
    if (validates) {
      ObjectNode invalid = responses.putObject("422");
      invalid.put("description", "Validation Error");
      invalid.putObject("content").putObject("application/json").putObject("schema")
          .put("$ref", OpenApiDocument.COMPONENTS + "HTTPValidationError");
      ValidationErrorSchemas.addTo(extra);
    }
    return responses;
  }

  /** Free-form results (Object, untyped maps) are {@code {}}, as an unannotated FastAPI route's. */
  private ObjectNode responseSchema(Type model) {
    if (model == Object.class) {
      return output.node();
    }
    if (model instanceof ParameterizedType p && p.getRawType() == Map.class && p.getActualTypeArguments()[1] == Object.class) {
      return output.node();
    }
    return output.describe(Schemas.of(model));
  }
}
