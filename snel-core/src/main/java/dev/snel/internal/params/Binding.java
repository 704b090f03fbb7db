package dev.snel.internal.params;

import dev.snel.Request;
import dev.snel.Response;
import dev.snel.ValidationError;
import dev.snel.internal.values.ConversionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The state of binding one request to one route's parameters: the request, the path values, the
 * errors found so far, and what several parameters share (the parsed body, the injected response).
 * Used by one thread.
 */
public final class Binding {
  private final Request request;
  private final String[] pathValues;
  private @Nullable List<ValidationError> errors;
  private @Nullable Response response;
  private @Nullable JsonNode bodyTree;
  private boolean bodyParsed;
  private final boolean strictContentType;

  /**
   * Starts binding a request whose path matched with these values.
   *
   * @param strictContentType whether a body is read as JSON only when its content type says JSON
   */
  public Binding(Request request, String[] pathValues, boolean strictContentType) {
    this.request = request;
    this.pathValues = pathValues;
    this.strictContentType = strictContentType;
  }

  /**
   * Whether the body is to be read as JSON: its content type is {@code application/json} or {@code
   * application/*+json}, or, when the content-type check is off, missing. Otherwise the body is
   * text, as FastAPI treats it (a model then fails with model_attributes_type).
   */
  boolean bodyIsJson() {
    String type = request.header("content-type").orElse(null);
    if (type == null) {
      return !strictContentType;
    }
    int semicolon = type.indexOf(';');
    String media =
        (semicolon < 0 ? type : type.substring(0, semicolon))
            .strip()
            .toLowerCase(java.util.Locale.ROOT);
    return media.equals("application/json")
        || (media.startsWith("application/") && media.endsWith("+json"));
  }

  /** The request. */
  public Request request() {
    return request;
  }

  String pathValue(int index) {
    return pathValues[index];
  }

  /** Records a failure. */
  public void fail(ValidationError error) {
    if (errors == null) {
      errors = new ArrayList<>(2);
    }
    errors.add(error);
  }

  void fail(List<Object> loc, ConversionException e, Object input) {
    fail(new ValidationError(e.type(), loc, e.getMessage(), input, e.ctx()));
  }

  int errorCount() {
    return errors == null ? 0 : errors.size();
  }

  void missing(List<Object> loc) {
    fail(new ValidationError("missing", loc, "Field required", null));
  }

  /**
   * The errors found, or null if none, in FastAPI's order: a body that is not JSON alone (FastAPI
   * fails on it before reading any parameter), else by source (path, query, header, cookie, body)
   * and in signature order within a source.
   */
  public @Nullable List<ValidationError> errors() {
    if (errors == null) {
      return null;
    }
    for (ValidationError error : errors) {
      if (error.type().equals("json_invalid")) {
        return List.of(error);
      }
    }
    errors.sort(
        Comparator.comparing(Binding::source, Comparator.nullsLast(Comparator.naturalOrder())));
    return errors;
  }

  /** Where an error comes from (errors sort in the order of {@link Source}); null if unknown. */
  private static @Nullable Source source(ValidationError error) {
    Object first = error.loc().isEmpty() ? "" : error.loc().get(0);
    for (Source source : Source.values()) {
      if (source.loc().equals(first)) {
        return source;
      }
    }
    return null;
  }

  /** The response injected into the handler, created on first use. */
  Response response() {
    if (response == null) {
      response = Response.empty(200);
    }
    return response;
  }

  /** The injected response if the handler asked for one; else null. */
  public @Nullable Response injectedResponse() {
    return response;
  }

  /** The body parsed as a JSON tree, once; null (and an error recorded) if it is not JSON. */
  @Nullable JsonNode bodyTree() {
    if (!bodyParsed) {
      bodyParsed = true;
      bodyTree = JsonBodies.readTree(this);
    }
    return bodyTree;
  }
}
