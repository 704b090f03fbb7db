package dev.snel.internal.openapi;

import dev.snel.Body;
import dev.snel.Description;
import dev.snel.Operation;
import dev.snel.UploadFile;
import dev.snel.internal.json.Json;
import dev.snel.internal.params.ParamCompiler;
import dev.snel.internal.params.ParamModel;
import dev.snel.internal.params.SecurityRequirement;
import dev.snel.internal.params.Source;
import dev.snel.internal.routing.RouteModel;
import dev.snel.internal.routing.Streaming;
import dev.snel.internal.schema.FlatModel;
import dev.snel.internal.schema.JsonSchemaKeywords;
import dev.snel.internal.schema.JsonSchemas;
import dev.snel.internal.schema.Names;
import dev.snel.internal.schema.Schemas;
import dev.snel.internal.values.Scalars;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One OpenAPI operation per route model (and per webhook), with FastAPI's conventions: its
 * operationId, summary from the method name, parameters grouped path, query, header, cookie, a
 * {@code Body_<operationId>} component for several body parameters, and the validation-error
 * response when the request has something to validate.
 */
final class Operations {
  private final JsonSchemas input;
  private final Schemas types;
  private final Responses responses;
  private final Map<String, ObjectNode> extra = new LinkedHashMap<>();
  private final Set<String> operationIds = new HashSet<>();

  Operations(
      Schemas types,
      JsonSchemas input,
      JsonSchemas output,
      DocumentInfo.ValidationErrorResponse validationError) {
    this.input = input;
    this.types = types;
    this.responses = new Responses(types, output, validationError, extra);
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
    String functionName = Names.snake(route.handler().getName());
    String operationId =
        annotation != null && !annotation.operationId().isEmpty()
            ? annotation.operationId()
            : generatedId(functionName, documentPath(route.path()), route.httpMethod());
    ObjectNode operation =
        metadata(
            route.tags(),
            annotation != null && !annotation.summary().isEmpty()
                ? annotation.summary()
                : Names.title(functionName),
            annotation != null && !annotation.description().isEmpty()
                ? annotation.description()
                : null,
            operationId,
            route.handler().isAnnotationPresent(Deprecated.class));
    if (!route.security().isEmpty()) {
      operation.set("security", security(route.security()));
    }
    List<ParamModel> params =
        route.params().stream()
            .filter(
                p ->
                    p.source() != Source.INJECTED
                        && p.source() != Source.BODY
                        && p.source() != Source.FORM)
            .sorted(
                Comparator.comparing(ParamModel::source)) // FastAPI: path, query, header, cookie
            .toList();
    List<ParamModel> bodies =
        route.params().stream().filter(p -> p.source() == Source.BODY).toList();
    List<ParamModel> forms =
        route.params().stream().filter(p -> p.source() == Source.FORM).toList();
    if (!params.isEmpty()) {
      ArrayNode parameters = operation.putArray("parameters");
      for (ParamModel param : params) {
        FlatModel model = flatModel(param);
        if (model == null) {
          parameters.add(parameter(param));
        } else {
          parameters.addAll(memberParameters(param, model));
        }
      }
    }
    if (!bodies.isEmpty()) {
      operation.set("requestBody", requestBody(bodies, operationId));
    } else if (!forms.isEmpty()) {
      operation.set("requestBody", formBody(forms, operationId));
    }
    String successDescription =
        annotation != null ? annotation.responseDescription() : "Successful Response";
    operation.set(
        "responses",
        responses.of(
            route.responseModel(),
            route.streaming(),
            route.status(),
            successDescription,
            operationId,
            !params.isEmpty() || !bodies.isEmpty() || !forms.isEmpty()));
    return operation;
  }

  /**
   * FastAPI's operation {@code security}: one object per scheme name, in the order the dependency
   * tree reaches them, each with the scopes of all its uses, first-seen order, without repetition.
   */
  private static ArrayNode security(List<SecurityRequirement> requirements) {
    Map<String, Set<String>> scopes = new LinkedHashMap<>();
    for (SecurityRequirement requirement : requirements) {
      scopes
          .computeIfAbsent(requirement.name(), name -> new LinkedHashSet<>())
          .addAll(requirement.scopes());
    }
    ArrayNode security = Json.mapper().createArrayNode();
    scopes.forEach(
        (name, list) -> {
          ArrayNode array = security.addObject().putArray(name);
          list.forEach(array::add);
        });
    return security;
  }

  /**
   * A webhook's operation, as FastAPI documents {@code @app.webhooks.post("new-subscription")} on a
   * function named after the webhook: summary "New Subscription", operationId {@code
   * new_subscriptionnew_subscription_post}.
   */
  ObjectNode webhook(DocumentInfo.Webhook webhook) {
    String functionName = webhook.name().replaceAll("\\W", "_");
    String operationId = generatedId(functionName, webhook.name(), webhook.method());
    ObjectNode operation =
        metadata(List.of(), Names.title(functionName), webhook.description(), operationId, false);
    ObjectNode schema = titled(input.describe(types.get(webhook.body())), "body");
    ObjectNode body = operation.putObject("requestBody");
    body.putObject("content").putObject("application/json").set("schema", schema);
    body.put("required", true);
    operation.set(
        "responses",
        responses.of(Object.class, Streaming.NONE, 200, "Successful Response", operationId, true));
    return operation;
  }

  /** FastAPI's generate_unique_id: the function name and the path, non-word characters as _. */
  private static String generatedId(String functionName, String path, String method) {
    return (functionName + path).replaceAll("\\W", "_") + "_" + method.toLowerCase(Locale.ROOT);
  }

  private ObjectNode metadata(
      List<String> tags,
      String summary,
      @Nullable String description,
      String operationId,
      boolean deprecated) {
    ObjectNode operation = Json.mapper().createObjectNode();
    if (!tags.isEmpty()) {
      ArrayNode array = operation.putArray("tags");
      tags.forEach(array::add);
    }
    operation.put("summary", summary);
    if (description != null) {
      operation.put("description", description);
    }
    if (!operationIds.add(operationId)) {
      throw new IllegalStateException(
          "two operations have the operationId "
              + operationId
              + "; give one another with @Operation(operationId = ...)");
    }
    operation.put("operationId", operationId);
    if (deprecated) {
      operation.put("deprecated", true);
    }
    return operation;
  }

  /** The parameter model a query, header or cookie parameter is; null for a plain parameter. */
  private @Nullable FlatModel flatModel(ParamModel param) {
    if (param.multi()
        || param.valueType() == UploadFile.class
        || Scalars.isScalar(rawClass(param.valueType()))) {
      return null;
    }
    return FlatModel.of(types.get(param.valueType())).orElse(null);
  }

  private static Class<?> rawClass(java.lang.reflect.Type type) {
    return type instanceof Class<?> c
        ? c
        : type instanceof java.lang.reflect.ParameterizedType p
            ? (Class<?>) p.getRawType()
            : Object.class;
  }

  /** A parameter model flattened as FastAPI does: one parameter per member, in member order. */
  private List<ObjectNode> memberParameters(ParamModel param, FlatModel model) {
    List<String> names = ParamCompiler.memberWireNames(param, model);
    List<ObjectNode> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      FlatModel.Member member = model.members().get(i);
      ObjectNode node = Json.mapper().createObjectNode();
      node.put("name", names.get(i));
      node.put("in", param.source().loc());
      node.put("required", member.required());
      ObjectNode schema = model.memberSchema(i, input);
      if (schema.has("description")) {
        node.set("description", schema.get("description"));
      }
      if (member.annotations().stream().anyMatch(Deprecated.class::isInstance)) {
        node.put("deprecated", true);
      }
      node.set("schema", schema);
      nodes.add(node);
    }
    return nodes;
  }

  private ObjectNode parameter(ParamModel param) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("name", param.wireName());
    node.put("in", param.source().loc());
    node.put("required", param.required());
    ObjectNode schema = valueSchema(param);
    String description = description(param);
    if (description != null) {
      node.put("description", description);
    }
    if (param.annotations().stream().anyMatch(Deprecated.class::isInstance)) {
      node.put("deprecated", true);
    }
    node.set("schema", schema);
    return node;
  }

  /**
   * The schema of a scalar or list parameter (a form field's too): its type's, constrained,
   * nullable when optional without a default, titled, with its default and docs.
   */
  private ObjectNode valueSchema(ParamModel param) {
    ObjectNode schema =
        param.valueType() == UploadFile.class
            ? input.node().put("type", "string").put("contentMediaType", OCTET_STREAM)
            : input.describe(types.get(param.valueType()));
    List<Annotation> annotations = param.annotations();
    if (param.multi()) {
      // as the binder checks them: sizes on the list, the other constraints on each value
      JsonSchemaKeywords.constrain(
          schema, annotations.stream().filter(a -> !sizeOfList(a)).toList());
      ObjectNode array = input.node().put("type", "array");
      if (param.unique()) {
        array.put("uniqueItems", true);
      }
      array.set("items", schema);
      JsonSchemaKeywords.constrain(
          array, annotations.stream().filter(Operations::sizeOfList).toList());
      schema = array;
    } else {
      JsonSchemaKeywords.constrain(schema, annotations);
    }
    if (!param.required() && param.defaultValue().isEmpty()) {
      schema = nullable(schema);
    }
    JsonSchemaKeywords.format(schema, annotations);
    if (!schema.has("$ref")) {
      schema.put("title", Names.title(param.wireName()));
    }
    if (param.defaultValue().isPresent()) {
      schema.set("default", defaultJson(param, param.defaultValue().get()));
    }
    String description = description(param);
    if (description != null) {
      schema.put("description", description);
    }
    JsonSchemaKeywords.document(
        schema, annotations.stream().filter(a -> !(a instanceof Description)).toList());
    if (annotations.stream().anyMatch(Deprecated.class::isInstance)) {
      schema.put("deprecated", true);
    }
    return schema;
  }

  /**
   * A form body, as FastAPI documents it: a form model is its own component; form fields make a
   * {@code Body_<operationId>} component. Required when a field is.
   */
  private ObjectNode formBody(List<ParamModel> forms, String operationId) {
    // FastAPI: multipart as soon as one field is a file
    String mediaType =
        forms.stream().anyMatch(p -> p.valueType() == UploadFile.class)
            ? "multipart/form-data"
            : "application/x-www-form-urlencoded";
    FlatModel model = forms.size() == 1 ? flatModel(forms.get(0)) : null;
    if (model != null) {
      return body(mediaType, input.describe(types.get(forms.get(0).valueType())), true);
    }
    return combined(mediaType, forms, operationId, this::valueSchema);
  }

  /** How FastAPI describes an uploaded file's content in OpenAPI 3.1. */
  private static final String OCTET_STREAM = "application/octet-stream";

  /**
   * The {@code Body_<operationId>} component FastAPI makes of several body (or form) fields, and a
   * request body referring to it, required when a field is.
   */
  private ObjectNode combined(
      String mediaType,
      List<ParamModel> fields,
      String operationId,
      Function<ParamModel, ObjectNode> fieldSchema) {
    String name = "Body_" + operationId;
    ObjectNode combined = input.node();
    ObjectNode properties = combined.putObject("properties");
    ArrayNode requiredNames = Json.mapper().createArrayNode();
    for (ParamModel param : fields) {
      properties.set(param.wireName(), fieldSchema.apply(param));
      if (param.required()) {
        requiredNames.add(param.wireName());
      }
    }
    combined.put("type", "object");
    if (!requiredNames.isEmpty()) {
      combined.set("required", requiredNames);
    }
    combined.put("title", name);
    extra.put(name, combined);
    return body(
        mediaType,
        input.node().put("$ref", OpenApiDocument.COMPONENTS + name),
        !requiredNames.isEmpty());
  }

  private static ObjectNode body(String mediaType, ObjectNode schema, boolean required) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("content").putObject(mediaType).set("schema", schema);
    if (required) {
      body.put("required", true);
    }
    return body;
  }

  private static boolean sizeOfList(Annotation annotation) {
    return annotation instanceof Size || annotation instanceof NotEmpty;
  }

  /**
   * The source annotation's description ({@code @Query(description = ...)}), else {@link
   * Description}'s.
   */
  private static @Nullable String description(ParamModel param) {
    if (!param.description().isEmpty()) {
      return param.description();
    }
    return param.annotations().stream()
        .filter(Description.class::isInstance)
        .map(a -> ((Description) a).value())
        .findFirst()
        .orElse(null);
  }

  private static JsonNode defaultJson(ParamModel param, List<String> raw) {
    Class<?> type = param.valueType() instanceof Class<?> c ? c : Object.class;
    var converter = Scalars.converterFor(type).orElseThrow();
    List<Object> values = raw.stream().map(converter::convert).toList();
    Object value = param.multi() ? values : values.get(0);
    if (values.stream().anyMatch(Enum.class::isInstance)) {
      value = param.multi() ? raw : raw.get(0);
    }
    return Json.mapper().valueToTree(value);
  }

  private ObjectNode requestBody(List<ParamModel> bodies, String operationId) {
    if (bodies.size() == 1 && !embedded(bodies.get(0))) {
      ParamModel only = bodies.get(0);
      return body("application/json", bodySchema(only), only.required());
    }
    return combined(
        "application/json",
        bodies,
        operationId,
        param -> {
          ObjectNode property = bodySchema(param);
          if (property.path("anyOf").path(0).has("$ref")) {
            property.remove("title"); // pydantic titles no model field that is an optional model
          }
          return property;
        });
  }

  /** A body parameter's schema: its type's, nullable when optional, titled unless a model. */
  private ObjectNode bodySchema(ParamModel param) {
    ObjectNode schema = input.describe(types.get(param.valueType()));
    if (!schema.has("$ref")) {
      JsonSchemaKeywords.constrain(schema, param.annotations());
    }
    if (!param.required()) {
      schema = nullable(schema);
    }
    return titled(schema, param.wireName());
  }

  private ObjectNode nullable(ObjectNode schema) {
    ObjectNode nullable = input.node();
    nullable.putArray("anyOf").add(schema).add(input.node().put("type", "null"));
    return nullable;
  }

  private static ObjectNode titled(ObjectNode schema, String name) {
    if (!schema.has("$ref")) {
      schema.put("title", Names.title(name));
    }
    return schema;
  }

  private static boolean embedded(ParamModel body) {
    return body.annotations().stream().anyMatch(a -> a instanceof Body b && b.embed());
  }

  /**
   * The path as OpenAPI and FastAPI write it: {@code /files/{file_path:path}} is {@code
   * /files/{file_path}}.
   */
  static String documentPath(String template) {
    return template.replaceAll("\\{([^}:]+):[^}]+}", "{$1}");
  }
}
