package dev.snel.internal.params;

import dev.snel.HttpException;
import dev.snel.ValidationError;
import dev.snel.internal.json.Json;
import dev.snel.internal.schema.Decoding;
import dev.snel.internal.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;

/**
 * Decodes JSON bodies by streaming them through compiled schemas, and turns a body that is not JSON
 * into FastAPI's {@code json_invalid} error at Python's character position.
 */
final class JsonBodies {
  private JsonBodies() {}

  /** A body (or member) that is absent or JSON null: FastAPI's "missing". */
  static final Object ABSENT = new Object();

  // Error Prone's ReferenceEquality: a sentinel is recognised by identity, never by equals
  @SuppressWarnings("ReferenceEquality")
  static boolean absent(@Nullable Object value) {
    return value == ABSENT;
  }

  private static final Object NO_INPUT = Map.of();

  /** The whole body as the schema's type; errors go to the binding. */
  static @Nullable Object decode(RequestScope scope, Schema schema, byte[] body, List<Object> loc) {
    if (refusesLoneSurrogate(scope, body)) {
      return null;
    }
    Decoding decoding = new Decoding(body, loc);
    try (JsonParser parser = Json.mapper().createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.VALUE_NULL) {
        return ABSENT;
      }
      if (first == null) {
        scope.fail(jsonInvalid(body));
        return null;
      }
      Object value = schema.decode(parser, decoding);
      if (parser.nextToken() != null) {
        scope.fail(jsonInvalid(body));
        return null;
      }
      return collect(scope, decoding, value);
    } catch (StreamConstraintsException e) {
      return overLimit(scope, e, body);
    } catch (JacksonException e) {
      scope.fail(jsonInvalid(body));
      return null;
    }
  }

  /** One member of the body object (already known to be valid JSON). */
  static @Nullable Object decodeMember(
      RequestScope scope, Schema schema, byte[] body, String member, List<Object> loc) {
    Decoding decoding = new Decoding(body, loc);
    try (JsonParser parser = Json.mapper().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return ABSENT;
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken token = parser.nextToken();
        if (name.equals(member)) {
          return token == JsonToken.VALUE_NULL
              ? ABSENT
              : collect(scope, decoding, schema.decode(parser, decoding));
        }
        parser.skipChildren();
      }
      return ABSENT;
    }
  }

  /** A body sent without a JSON content type: its text, as FastAPI validates the raw bytes. */
  static @Nullable Object decodeText(
      RequestScope scope, Schema schema, byte[] body, List<Object> loc) {
    Decoding decoding = new Decoding(null, loc);
    String text = new String(body, StandardCharsets.UTF_8);
    try (JsonParser parser =
        Json.mapper().treeAsTokens(Json.mapper().getNodeFactory().stringNode(text))) {
      parser.nextToken();
      return collect(scope, decoding, schema.decode(parser, decoding));
    }
  }

  private static @Nullable Object collect(
      RequestScope scope, Decoding decoding, @Nullable Object value) {
    decoding.errors().forEach(scope::fail);
    return Decoding.invalid(value) ? null : value;
  }

  static @Nullable JsonNode readTree(RequestScope scope) {
    byte[] body = scope.request().body();
    if (refusesLoneSurrogate(scope, body)) {
      return null;
    }
    try {
      JsonNode tree = Json.mapper().readTree(body);
      if (tree == null || tree.isMissingNode()) {
        scope.fail(jsonInvalid(body));
        return null;
      }
      return tree;
    } catch (StreamConstraintsException e) {
      overLimit(scope, e, body);
      return null;
    } catch (JacksonException e) {
      scope.fail(jsonInvalid(body));
      return null;
    }
  }

  /**
   * Refuses a body with an escaped lone surrogate ({@code "\\ud800"}), which is no Unicode text:
   * json_invalid at the escape, with pydantic's words for it.
   */
  private static boolean refusesLoneSurrogate(RequestScope scope, byte[] body) {
    JsonSurrogates.Lone lone = JsonSurrogates.find(body);
    if (lone == null) {
      return false;
    }
    String before = new String(body, 0, lone.offset(), StandardCharsets.UTF_8);
    int position = before.codePointCount(0, before.length()); // Python counts code points
    scope.fail(
        new ValidationError(
            "json_invalid",
            List.of("body", position),
            "JSON decode error",
            NO_INPUT,
            Map.of("error", lone.error())));
    return true;
  }

  /**
   * A number longer than Python's int() reads (4,300 digits) makes FastAPI's json.loads raise a
   * ValueError, which FastAPI answers with 400; too deep a document is json_invalid as before.
   */
  private static @Nullable Object overLimit(
      RequestScope scope, StreamConstraintsException e, byte[] body) {
    if (!JsonSyntax.isNestingLimit(e)) {
      throw new HttpException(400, "There was an error parsing the body");
    }
    scope.fail(jsonInvalid(body));
    return null;
  }

  /**
   * FastAPI's answer to a body that is not JSON: the character position and the message of Python's
   * json module, found by re-reading the body as text (errors are rare; the valid path never pays
   * for this).
   */
  private static ValidationError jsonInvalid(byte[] body) {
    JsonSyntax.Problem problem = JsonSyntax.diagnose(new String(body, StandardCharsets.UTF_8));
    return new ValidationError(
        "json_invalid",
        List.of("body", problem.position()),
        "JSON decode error",
        NO_INPUT,
        Map.of("error", problem.error()));
  }
}
