package dev.snel.testing;

import dev.snel.WebSocketDisconnect;
import dev.snel.internal.json.Json;
import dev.snel.internal.websocket.WebSocketTransport;
import dev.snel.internal.websocket.WebSocketTransport.Binary;
import dev.snel.internal.websocket.WebSocketTransport.Close;
import dev.snel.internal.websocket.WebSocketTransport.Message;
import dev.snel.internal.websocket.WebSocketTransport.Text;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A WebSocket a test opened with {@link TestClient#webSocket(String)}: Starlette's {@code with
 * client.websocket_connect("/ws") as websocket:}. In-process it talks to the route's handler
 * through memory; against a server, over a real connection (Java's HTTP client), with the same API.
 *
 * <pre>{@code
 * try (TestWebSocket socket = client.webSocket("/ws/echo?token=secret-token")) {
 *   socket.sendText("hello");
 *   assertThat(socket.receiveText()).isEqualTo("hello");
 * }   // closes with 1000 and waits for the handler to end
 * }</pre>
 *
 * <p>A receive waits up to 30 seconds; when the app closes the socket it throws {@link
 * WebSocketDisconnect} with the app's close code and reason. Use from one thread.
 */
public final class TestWebSocket implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** How a test socket's messages and close reach the app. */
  interface Outbound {
    void send(Message message);

    /** Sends the client's close and waits (bounded) for the app's side to end. */
    void close(int code, String reason);
  }

  private final BlockingQueue<Message> incoming;
  private final Outbound outbound;
  private final @Nullable String subprotocol;
  private @Nullable Close closedByApp;
  private boolean closed;

  TestWebSocket(BlockingQueue<Message> incoming, Outbound outbound, @Nullable String subprotocol) {
    this.incoming = incoming;
    this.outbound = outbound;
    this.subprotocol = subprotocol;
  }

  /** The subprotocol the app accepted, if any. */
  public Optional<String> subprotocol() {
    return Optional.ofNullable(subprotocol);
  }

  /** Sends a text message. */
  public void sendText(String text) {
    outbound.send(new Text(text));
  }

  /** Sends a binary message. */
  public void sendBytes(byte[] bytes) {
    outbound.send(new Binary(bytes.clone()));
  }

  /** Sends a value encoded as JSON in a text message. */
  public void sendJson(Object value) {
    sendText(new String(Json.encode(value), StandardCharsets.UTF_8));
  }

  /**
   * The next message, which must be text.
   *
   * @throws WebSocketDisconnect if the app closed the socket (its code and reason)
   * @throws AssertionError if it is binary
   */
  public String receiveText() {
    return switch (receive()) {
      case Text text -> text.text();
      default -> throw new AssertionError("expected a text message, got a binary one");
    };
  }

  /** The next message, which must be binary. See {@link #receiveText()}. */
  public byte[] receiveBytes() {
    return switch (receive()) {
      case Binary binary -> binary.bytes();
      default -> throw new AssertionError("expected a binary message, got a text one");
    };
  }

  /** The next message, text holding JSON, parsed. See {@link #receiveText()}. */
  public JsonNode receiveJson() {
    return Json.mapper().readTree(receiveText());
  }

  private Message receive() {
    Close known = closedByApp;
    if (known != null) {
      throw new WebSocketDisconnect(known.code(), known.reason());
    }
    Message message;
    try {
      message = incoming.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a WebSocket message", e);
    }
    if (message == null) {
      throw new IllegalStateException("no WebSocket message within " + TIMEOUT);
    }
    if (message instanceof Close close) {
      closedByApp = close;
      throw new WebSocketDisconnect(close.code(), close.reason());
    }
    return message;
  }

  /** Closes with 1000 (normal closure) and waits for the app's side to end. */
  @Override
  public void close() {
    close(1000, "");
  }

  /** Closes with a code and reason and waits (up to 30 seconds) for the app's side to end. */
  public void close(int code, String reason) {
    if (!closed) {
      closed = true;
      outbound.close(code, reason);
    }
  }

  /** The queue end a transport puts the app's messages into; the close as a {@link Close}. */
  static WebSocketTransport.Close abnormal(String reason) {
    return new Close(WebSocketDisconnect.ABNORMAL_CLOSURE, reason);
  }
}
