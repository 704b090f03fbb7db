package dev.snel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snel's built-in exception handlers, public so that a replacement can reuse them, like FastAPI's
 * {@code fastapi.exception_handlers}:
 *
 * <pre>{@code
 * app.exceptionHandler(HttpException.class, (request, e) -> {
 *   log.info("HTTP error {}", e.status());
 *   return DefaultExceptionHandlers.httpException(request, e);
 * });
 * }</pre>
 */
public final class DefaultExceptionHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultExceptionHandlers.class);

  private DefaultExceptionHandlers() {}

  /** {@code {"detail": ...}} with the exception's status and headers; no body for 204 and 304. */
  public static Response httpException(Request request, HttpException exception) {
    int status = exception.status();
    Response response =
        status == 204 || status == 304
            ? Response.empty(status)
            : Response.json(Map.of("detail", exception.detail())).status(status);
    exception.headers().forEach(response::header);
    return response;
  }

  /** 422 {@code {"detail": [{"type", "loc", "msg", "input", "ctx"?}, ...]}}. */
  public static Response requestValidation(Request request, RequestValidationException exception) {
    return Response.json(Map.of("detail", errorBodies(exception.errors()))).status(422);
  }

  /**
   * 500 {@code Internal Server Error} as plain text, with nothing of the exception in the body. The
   * exception is logged with a request id (the request's {@code x-request-id} if it is at most 128
   * printable ASCII characters, else a new one), which the response carries in its {@code
   * x-request-id} header, to match reports to logs.
   */
  public static Response serverError(Request request, Throwable exception) {
    String requestId = request.id();
    LOG.error(
        "Unhandled exception in {} {} [request {}]",
        request.method(),
        request.rawPath(),
        requestId,
        exception);
    return Response.text("Internal Server Error").status(500).header("x-request-id", requestId);
  }

  /**
   * A client's id is echoed and logged only when it is short and printable ASCII: anything else
   * could forge log lines or bloat every response, so it is replaced by a new one.
   */
  static boolean isSafeRequestId(String id) {
    if (id.isEmpty() || id.length() > 128) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  /** The error items as FastAPI encodes them: ctx only when there is one. */
  static List<Map<String, Object>> errorBodies(List<ValidationError> errors) {
    List<Map<String, Object>> bodies = new ArrayList<>(errors.size());
    for (ValidationError error : errors) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", error.type());
      body.put("loc", error.loc());
      body.put("msg", error.msg());
      body.put("input", error.input());
      if (!error.ctx().isEmpty()) {
        body.put("ctx", error.ctx());
      }
      bodies.add(body);
    }
    return bodies;
  }
}
