package dev.snel.internal.websocket;

import dev.snel.Response;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket connection as an adapter carries it: the Netty server over a socket, the TestClient
 * over in-memory queues. The app's session drives it from the handler's virtual thread; an
 * implementation bounds what it buffers in both directions.
 *
 * <p>The session calls {@link #accept} or {@link #refuse} at most once, then sends, receives and
 * closes; {@link #finished()} exactly once, last, when the handler and its cleanups are done.
 */
public interface WebSocketTransport {
  /** A message either way; a {@link Close} is the last one received. */
  sealed interface Message {}

  /** A text message. */
  record Text(String text) implements Message {}

  /** A binary message. */
  record Binary(byte[] bytes) implements Message {}

  /** The client's close frame (or 1006, the connection dropped). */
  record Close(int code, String reason) implements Message {}

  /** The connection is gone: what a send or an accept meets then, with the close seen. */
  final class Gone extends Exception {
    private static final long serialVersionUID = 1L;

    /** The close code the connection ended with. */
    public final int code;

    /** Its reason. */
    public final String reason;

    /** The connection ended with this code. */
    public Gone(int code, String reason) {
      super("closed with " + code, null, false, false);
      this.code = code;
      this.reason = reason;
    }
  }

  /**
   * Completes the handshake (101), with the subprotocol if the client offered it; returns once it
   * is sent.
   */
  void accept(@Nullable String subprotocol) throws Gone, InterruptedException;

  /** Answers the handshake with this HTTP response instead; the connection then ends. */
  void refuse(Response response);

  /** The next message from the client, blocking; a {@link Close} once it closed or dropped. */
  Message receive() throws InterruptedException;

  /** Sends a message, blocking while the client does not read. */
  void send(Message message) throws Gone, InterruptedException;

  /** Sends a close frame with this code and reason, and ends the connection. */
  void close(int code, String reason);

  /** The handler and its cleanups are done; called once, last. */
  void finished();
}
