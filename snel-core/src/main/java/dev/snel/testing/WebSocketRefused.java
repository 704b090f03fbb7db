package dev.snel.testing;

import dev.snel.Headers;
import java.nio.charset.StandardCharsets;

/**
 * The app refused a WebSocket handshake that {@link TestClient#webSocket(String)} opened: the HTTP
 * answer it gave instead of 101 Switching Protocols. A handler that closes before accepting (or a
 * dependency that throws a validation error or a {@code WebSocketException}) gives 403; an {@code
 * HttpException} its own status and detail.
 *
 * <pre>{@code
 * WebSocketRefused refused =
 *     assertThrows(WebSocketRefused.class, () -> client.webSocket("/ws?token=wrong"));
 * assertThat(refused.status()).isEqualTo(403);
 * }</pre>
 */
public final class WebSocketRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Headers headers;
  private final byte[] body;

  WebSocketRefused(String target, int status, Headers headers, byte[] body) {
    super("the WebSocket handshake to " + target + " was refused with " + status);
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** The HTTP status of the refusal, e.g. 403. */
  public int status() {
    return status;
  }

  /** The refusal's headers. */
  public Headers headers() {
    return headers;
  }

  /** The refusal's body as text ({@code ""} if none, or if the HTTP client did not keep it). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
