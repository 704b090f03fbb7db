package dev.snel;

import java.util.List;

/**
 * One WebSocket connection, as its handler sees it: Starlette's {@code WebSocket}. Declare a
 * parameter of this type on a {@link WebSocket} route; accept the handshake, then receive and send
 * messages until either side closes.
 *
 * <pre>{@code
 * @WebSocket("/ws/echo")
 * public void echo(WebSocketSession session) {
 *   session.accept();
 *   try {
 *     while (true) {
 *       session.sendText(session.receiveText());
 *     }
 *   } catch (WebSocketDisconnect gone) {
 *     // the client closed
 *   }
 * }
 * }</pre>
 *
 * <p>The methods block: a receive waits for the next message, a send waits while the client is not
 * reading (so a slow client slows its sender instead of filling the server's memory). Receive from
 * one thread (the handler's); sending and closing are safe from any thread, for broadcasts.
 */
public interface WebSocketSession {
  /** Where the connection is; Starlette's {@code WebSocketState}. */
  enum State {
    /** The handshake is not answered yet: call {@link #accept()} or {@link #close()}. */
    CONNECTING,
    /** Accepted: messages flow. */
    CONNECTED,
    /** Closed by either side, or refused. */
    DISCONNECTED
  }

  /** Accepts the handshake (101 Switching Protocols) without a subprotocol. */
  void accept();

  /**
   * Accepts the handshake with a subprotocol, if the client offered it ({@link #subprotocols()}).
   *
   * @throws IllegalStateException if the handshake was answered already
   * @throws WebSocketDisconnect if the client went away meanwhile
   */
  void accept(String subprotocol);

  /** The subprotocols the client offered ({@code Sec-WebSocket-Protocol}), in its order. */
  List<String> subprotocols();

  /** The handshake request: headers, query, cookies, the client's address. */
  Request request();

  /**
   * The next message, which must be text.
   *
   * @throws WebSocketDisconnect when the client closes or the connection drops
   * @throws WebSocketException (1003) if the message is binary; uncaught, it closes with 1003
   * @throws IllegalStateException before {@link #accept()}, or after a disconnect was received
   */
  String receiveText();

  /**
   * The next message, which must be binary.
   *
   * @throws WebSocketDisconnect when the client closes or the connection drops
   * @throws WebSocketException (1003) if the message is text
   */
  byte[] receiveBytes();

  /**
   * The next message, a text message holding JSON, decoded and validated as the type (a record, a
   * class, a scalar), like a request body.
   *
   * @throws WebSocketDisconnect when the client closes or the connection drops
   * @throws RequestValidationException if it is not JSON of that type (uncaught: closes with 1007)
   * @throws WebSocketException (1003) if the message is binary
   */
  <T> T receiveJson(Class<T> type);

  /**
   * Sends a text message.
   *
   * @throws WebSocketDisconnect if the connection is gone
   * @throws IllegalStateException before {@link #accept()} or after {@link #close()}
   */
  void sendText(String text);

  /** Sends a binary message. See {@link #sendText(String)}. */
  void sendBytes(byte[] bytes);

  /** Sends a value encoded as JSON in a text message. See {@link #sendText(String)}. */
  void sendJson(Object value);

  /** Closes with 1000 (normal closure). See {@link #close(int, String)}. */
  void close();

  /**
   * Closes with a code and reason; before {@link #accept()} this refuses the handshake with 403.
   * Closing a closed session does nothing.
   *
   * @param code 1000-1003, 1007-1014 or 3000-4999 (an application's own codes)
   * @param reason at most 123 bytes of UTF-8; {@code ""} for none
   * @throws IllegalArgumentException for a code an endpoint may not send, or a longer reason
   */
  void close(int code, String reason);

  /** Where the connection is now. */
  State state();
}
