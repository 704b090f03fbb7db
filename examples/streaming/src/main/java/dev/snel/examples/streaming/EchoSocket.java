package dev.snel.examples.streaming;

import dev.snel.WebSocket;
import dev.snel.WebSocketDisconnect;
import dev.snel.WebSocketException;
import dev.snel.WebSocketSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code WebSocket /ws/echo?token=...}: echoes each text message back. The token is checked before
 * the handshake is accepted, so a wrong one never gets a connection: the client sees 403.
 */
public final class EchoSocket {
  private final byte[] token;

  /** An echo endpoint that admits clients presenting this token. */
  public EchoSocket(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** The token from {@code WS_TOKEN}, else {@code secret-token}. */
  public static EchoSocket fromEnvironment() {
    String token = System.getenv("WS_TOKEN");
    return new EchoSocket(token == null || token.isBlank() ? "secret-token" : token);
  }

  /** Echoes text messages until the client closes. */
  @WebSocket("/ws/echo")
  public void echo(WebSocketSession session, Optional<String> token) {
    if (token.isEmpty()
        || !MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8), this.token)) {
      // before accept: the handshake is refused with 403
      throw new WebSocketException(WebSocketException.POLICY_VIOLATION, "invalid token");
    }
    session.accept();
    try {
      while (true) {
        session.sendText(session.receiveText());
      }
    } catch (WebSocketDisconnect gone) {
      // the client closed; nothing to clean up
    }
  }
}
