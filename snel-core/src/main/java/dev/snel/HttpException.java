package dev.snel;

import dev.snel.internal.http.StatusReasons;
import java.util.Map;

/**
 * Ends a request with an HTTP error status and a JSON body {@code {"detail": ...}}, like FastAPI's
 * {@code HTTPException}.
 *
 * <pre>{@code
 * throw new HttpException(404, "Item not found");
 * throw new HttpException(401, "Not authenticated", Map.of("WWW-Authenticate", "Bearer"));
 * }</pre>
 *
 * <p>The detail may be any JSON-encodable value. Register a handler for this type with {@link
 * Snel#exceptionHandler(Class, ExceptionHandler)} to change how all of them are answered.
 */
public class HttpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Object detail;
  private final transient Map<String, String> headers;

  /** An error whose detail is the status's reason phrase, e.g. "Not Found". */
  public HttpException(int status) {
    this(status, StatusReasons.phrase(status), Map.of());
  }

  /** An error with a detail: a string, or any JSON-encodable value. */
  public HttpException(int status, Object detail) {
    this(status, detail, Map.of());
  }

  /** An error with a detail and headers to send with it. */
  public HttpException(int status, Object detail, Map<String, String> headers) {
    super(status + ": " + detail, null, false, false);
    this.status = status;
    this.detail = detail;
    this.headers = Map.copyOf(headers);
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The detail sent as {@code {"detail": ...}}. */
  public Object detail() {
    return detail;
  }

  /** Headers sent with the error response. */
  public Map<String, String> headers() {
    return headers;
  }
}
