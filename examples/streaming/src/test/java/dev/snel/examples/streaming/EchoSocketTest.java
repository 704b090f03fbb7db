package dev.snel.examples.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestWebSocket;
import dev.snel.testing.WebSocketRefused;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code WebSocket /ws/echo}: the contract of the streaming example, in-process and served. */
class EchoSocketTest {
  @Test
  void echoes_text_messages_in_process() {
    try (TestWebSocket socket =
        TestClient.of(Main.app()).webSocket("/ws/echo?token=secret-token")) {
      socket.sendText("hello");
      assertThat(socket.receiveText()).isEqualTo("hello");
      socket.sendText("{\"token\":\"a\"}");
      assertThat(socket.receiveText()).isEqualTo("{\"token\":\"a\"}");
    }
  }

  @Test
  void a_wrong_or_missing_token_is_refused_with_403() {
    TestClient client = TestClient.of(Main.app());
    assertThat(
            assertThrows(WebSocketRefused.class, () -> client.webSocket("/ws/echo?token=x"))
                .status())
        .isEqualTo(403);
    assertThat(assertThrows(WebSocketRefused.class, () -> client.webSocket("/ws/echo")).status())
        .isEqualTo(403);
  }

  @Test
  void the_token_is_configurable() {
    TestClient client = TestClient.of(Snel.create().include(new EchoSocket("other")));
    assertThrows(WebSocketRefused.class, () -> client.webSocket("/ws/echo?token=secret-token"));
    try (TestWebSocket socket = client.webSocket("/ws/echo?token=other")) {
      socket.sendText("ok");
      assertThat(socket.receiveText()).isEqualTo("ok");
    }
  }

  @Test
  void echoes_over_the_server_to_javas_websocket_client() throws Exception {
    try (SnelServer server = SnelServer.start(Main.app(), ServerConfig.defaults().port(0))) {
      LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
      WebSocket.Listener listener =
          new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
              received.add(data.toString());
              socket.request(1);
              return null;
            }
          };
      URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws/echo?token=secret-token");
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(uri, listener)
              .get(10, TimeUnit.SECONDS);
      socket.sendText("over the wire", true).get(10, TimeUnit.SECONDS);
      assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("over the wire");
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);

      URI wrong = URI.create("ws://127.0.0.1:" + server.port() + "/ws/echo?token=wrong");
      ExecutionException refused =
          assertThrows(
              ExecutionException.class,
              () ->
                  HttpClient.newHttpClient()
                      .newWebSocketBuilder()
                      .buildAsync(wrong, listener)
                      .get(10, TimeUnit.SECONDS));
      assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
      assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode())
          .isEqualTo(403);
    }
  }

  @Test
  void echoes_over_the_server_through_the_test_client() {
    try (SnelServer server = SnelServer.start(Main.app(), ServerConfig.defaults().port(0))) {
      TestClient client = TestClient.of(server.baseUri());
      try (TestWebSocket socket = client.webSocket("/ws/echo?token=secret-token")) {
        socket.sendText("served");
        assertThat(socket.receiveText()).isEqualTo("served");
      }
      assertThat(
              assertThrows(WebSocketRefused.class, () -> client.webSocket("/ws/echo?token=no"))
                  .status())
          .isEqualTo(403);
    }
  }
}
