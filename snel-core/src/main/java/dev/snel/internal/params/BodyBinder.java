package dev.snel.internal.params;

import dev.snel.internal.json.Json;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Binds a parameter from the JSON body: the whole body, or, when embedded (several body
 * parameters, or {@code @Body(embed = true)}), the body object's member of the parameter's name.
 */
final class BodyBinder implements ParamBinder {
  private final String name;
  private final ObjectReader reader;
  private final boolean embedded;
  private final boolean required;
  private final boolean optional;
  private final List<Object> loc;

  BodyBinder(String name, Type type, boolean embedded, boolean required, boolean optional) {
    this.name = name;
    this.reader = Json.mapper().readerFor(Json.mapper().constructType(type));
    this.embedded = embedded;
    this.required = required;
    this.optional = optional;
    this.loc = embedded ? List.of("body", name) : List.of("body");
  }

  @Override
  public Object bind(Binding binding) {
    byte[] body = binding.request().body();
    Object value;
    if (!embedded) {
      if (body.length == 0) {
        return absent(binding);
      }
      int errorsBefore = binding.errorCount();
      value = JsonBodies.read(binding, reader, body, loc);
      if (value == null && binding.errorCount() == errorsBefore) {
        // a JSON null is no body to FastAPI
        return absent(binding);
      }
    } else {
      if (body.length == 0) {
        return absent(binding);
      }
      JsonNode tree = binding.bodyTree();
      if (tree == null) {
        return null;
      }
      JsonNode member = tree.get(name);
      if (member == null || member.isMissingNode() || member.isNull()) {
        return absent(binding);
      }
      value = JsonBodies.read(binding, reader, member, loc);
    }
    return optional ? Optional.ofNullable(value) : value;
  }

  private Object absent(Binding binding) {
    if (required) {
      binding.missing(loc);
    }
    return optional ? Optional.empty() : null;
  }
}
