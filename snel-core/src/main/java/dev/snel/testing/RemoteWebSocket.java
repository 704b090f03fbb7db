package dev.snel.testing;

import dev.snel.Headers;
import dev.snel.internal.websocket.WebSocketTransport.Binary;
import dev.snel.internal.websocket.WebSocketTransport.Close;
import dev.snel.internal.websocket.WebSocketTransport.Message;
import dev.snel.internal.websocket.WebSocketTransport.Text;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A test's WebSocket to a running server, over Java's HTTP client: the messages it receives wait in
 * a queue for the test, and it asks the server for the next one only when one has arrived whole.
 *
 * <p>Threading: the client's listener runs on the HTTP client's threads; the test's calls on the
 * test's thread.
 */
final class RemoteWebSocket implements TestWebSocket.Outbound, WebSocket.Listener {
  /** Headers Java's WebSocket builder sets itself and refuses from the caller. */
  private static final List<String> RESTRICTED =
      List.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "upgrade",
          "sec-websocket-accept",
          "sec-websocket-extensions",
          "sec-websocket-key",
          "sec-websocket-protocol",
          "sec-websocket-version");

  private final Duration timeout;
  private final BlockingQueue<Message> incoming = new LinkedBlockingQueue<>();
  private final StringBuilder text = new StringBuilder();
  private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
  private @Nullable WebSocket socket;

  private RemoteWebSocket(Duration timeout) {
    this.timeout = timeout;
  }

  static TestWebSocket open(HttpClient http, URI uri, Headers headers, Duration timeout) {
    RemoteWebSocket remote = new RemoteWebSocket(timeout);
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout);
    List<String> protocols = new ArrayList<>();
    headers.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (lower.equals("sec-websocket-protocol")) {
            for (String protocol : value.split(",")) {
              protocols.add(protocol.strip());
            }
          } else if (!RESTRICTED.contains(lower)) {
            builder.header(name, value);
          }
        });
    if (!protocols.isEmpty()) {
      builder.subprotocols(
          protocols.get(0), protocols.subList(1, protocols.size()).toArray(String[]::new));
    }
    try {
      remote.socket =
          builder.buildAsync(uri, remote).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the WebSocket handshake", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        throw refusal(uri, refused.getResponse());
      }
      throw new IllegalStateException("the WebSocket handshake to " + uri + " failed", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer to the WebSocket handshake to " + uri, e);
    }
    String subprotocol = remote.socket().getSubprotocol();
    return new TestWebSocket(remote.incoming, remote, subprotocol.isEmpty() ? null : subprotocol);
  }

  private static WebSocketRefused refusal(URI uri, HttpResponse<?> response) {
    Headers received = Headers.create();
    response.headers().map().forEach((name, values) -> values.forEach(v -> received.add(name, v)));
    byte[] body =
        switch (response.body()) {
          case byte[] bytes -> bytes;
          case String string -> string.getBytes(StandardCharsets.UTF_8);
          case null, default -> new byte[0];
        };
    return new WebSocketRefused(uri.toString(), response.statusCode(), received, body);
  }

  private WebSocket socket() {
    return Objects.requireNonNull(socket, "opened");
  }

  // --- the test's side

  @Override
  public void send(Message message) {
    CompletionStage<WebSocket> sent =
        switch (message) {
          case Text t -> socket().sendText(t.text(), true);
          case Binary b -> socket().sendBinary(ByteBuffer.wrap(b.bytes()), true);
          case Close c -> socket().sendClose(c.code(), c.reason());
        };
    await(sent, "sending a WebSocket message");
  }

  @Override
  public void close(int code, String reason) {
    if (!socket().isOutputClosed()) {
      try {
        await(socket().sendClose(code, reason), "closing the WebSocket");
      } catch (IllegalStateException e) {
        socket().abort(); // the connection is gone already
        return;
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!socket().isInputClosed() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    socket().abort();
  }

  private void await(CompletionStage<?> stage, String what) {
    try {
      stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(what + " failed", e);
    }
  }

  // --- the listener, on the client's threads

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      incoming.add(new Text(text.toString()));
      text.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    binary.writeBytes(bytes);
    if (last) {
      incoming.add(new Binary(binary.toByteArray()));
      binary.reset();
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    incoming.add(new Close(statusCode, reason));
    return null; // the client then answers with a close of the same code
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    incoming.add(TestWebSocket.abnormal(String.valueOf(error.getMessage())));
  }
}
