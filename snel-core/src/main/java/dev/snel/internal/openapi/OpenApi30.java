package dev.snel.internal.openapi;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites a 3.1 document as OpenAPI 3.0.3 for tools that do not read 3.1 yet: {@code anyOf} with
 * {@code {"type":"null"}} becomes {@code nullable: true}, numeric {@code exclusiveMinimum} and
 * {@code exclusiveMaximum} become the 3.0 boolean form, {@code const} becomes a one-value {@code
 * enum}, {@code examples} on schemas becomes {@code example}, a file's {@code contentMediaType}
 * becomes {@code format: binary}, and 3.1-only keywords ({@code contentEncoding}, webhooks) are
 * dropped.
 */
public final class OpenApi30 {
  private OpenApi30() {}

  /** Changes the document in place. */
  public static void downgrade(ObjectNode document) {
    document.put("openapi", "3.0.3");
    document.remove("webhooks");
    if (document.get("info") instanceof ObjectNode info
        && info.get("license") instanceof ObjectNode license) {
      license.remove("identifier");
      info.remove("summary");
    }
    rewrite(document);
  }

  private static void rewrite(JsonNode node) {
    if (node instanceof ObjectNode object) {
      nullable(object);
      exclusive(object, "exclusiveMinimum", "minimum");
      exclusive(object, "exclusiveMaximum", "maximum");
      if (object.has("const")) {
        object.putArray("enum").add(object.remove("const"));
      }
      if (object.get("examples") instanceof ArrayNode examples
          && object.has("type")
          && !examples.isEmpty()) {
        object.set("example", examples.get(0));
        object.remove("examples");
      }
      object.remove("contentEncoding");
      if (object.path("type").isString() && object.path("contentMediaType").isString()) {
        object.remove("contentMediaType");
        object.put("format", "binary"); // a file's content, as OpenAPI 3.0 spells it
      }
      object.values().forEach(OpenApi30::rewrite);
    } else if (node instanceof ArrayNode array) {
      array.values().forEach(OpenApi30::rewrite);
    }
  }

  private static void nullable(ObjectNode object) {
    if (!(object.get("anyOf") instanceof ArrayNode anyOf)) {
      return;
    }
    List<JsonNode> others = new ArrayList<>();
    boolean hasNull = false;
    for (JsonNode option : anyOf.values()) {
      if ("null".equals(option.path("type").asString(""))) {
        hasNull = true;
      } else {
        others.add(option);
      }
    }
    if (!hasNull) {
      return;
    }
    object.remove("anyOf");
    if (others.size() == 1 && !others.get(0).has("$ref")) {
      others.get(0).propertyNames().forEach(name -> object.set(name, others.get(0).get(name)));
    } else if (others.size() == 1) {
      object.putArray("allOf").add(others.get(0));
    } else {
      object.putArray("anyOf").addAll(others);
    }
    object.put("nullable", true);
  }

  private static void exclusive(ObjectNode object, String keyword, String bound) {
    JsonNode value = object.get(keyword);
    if (value != null && value.isNumber()) {
      object.set(bound, value);
      object.put(keyword, true);
    }
  }
}
