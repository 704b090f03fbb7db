package dev.snel;

/**
 * Ends a WebSocket with a close code, from the handler or one of its dependencies: Starlette's
 * {@code WebSocketException}. Thrown before the handshake is accepted it refuses the handshake with
 * 403 (as uvicorn answers a close before accept); after, it closes the connection with its code and
 * reason.
 *
 * <pre>{@code
 * if (!tokens.isValid(token)) {
 *   throw new WebSocketException(WebSocketException.POLICY_VIOLATION, "invalid token");
 * }
 * }</pre>
 */
public class WebSocketException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** 1008: the message or the client breaks the application's policy (auth failures, say). */
  public static final int POLICY_VIOLATION = 1008;

  private final int code;
  private final String reason;

  /** An exception closing with this code and reason. */
  public WebSocketException(int code, String reason) {
    super("WebSocket closed with " + code + (reason.isEmpty() ? "" : ": " + reason));
    this.code = dev.snel.internal.websocket.CloseCodes.checkSendable(code);
    this.reason = dev.snel.internal.websocket.CloseCodes.checkReason(reason);
  }

  /** An exception closing with this code and no reason. */
  public WebSocketException(int code) {
    this(code, "");
  }

  /** The close code. */
  public int code() {
    return code;
  }

  /** The close reason; {@code ""} if none. */
  public String reason() {
    return reason;
  }
}
