package dev.snel;

/**
 * The client closed the WebSocket (or the connection dropped): thrown by {@link WebSocketSession}'s
 * receive methods, and by its send methods once the connection is gone, as Starlette's {@code
 * WebSocketDisconnect}. A handler usually catches it to end its loop.
 */
public class WebSocketDisconnect extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The close code when the connection dropped without a close frame. */
  public static final int ABNORMAL_CLOSURE = 1006;

  private final int code;
  private final String reason;

  /** A disconnect with the client's close code and reason ({@code ""} if none). */
  public WebSocketDisconnect(int code, String reason) {
    super("WebSocket closed with " + code + (reason.isEmpty() ? "" : ": " + reason));
    this.code = code;
    this.reason = reason;
  }

  /** The close code: 1000 for a normal close, 1006 if the connection dropped. */
  public int code() {
    return code;
  }

  /** The close reason; {@code ""} if none was given. */
  public String reason() {
    return reason;
  }
}
