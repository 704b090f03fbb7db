package dev.snel.netty.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.WebSocket;
import dev.snel.WebSocketDisconnect;
import dev.snel.WebSocketException;
import dev.snel.WebSocketSession;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestWebSocket;
import dev.snel.testing.WebSocketRefused;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WebSockets over the real server: Java's WebSocket client, the TestClient and raw sockets. */
class WebSocketServerTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();
  static java.util.concurrent.CountDownLatch SINK_OPEN = new java.util.concurrent.CountDownLatch(1);

  public static final class Token {
    public static String check(Optional<String> token, Scope scope) {
      if (!token.equals(Optional.of("good"))) {
        throw new WebSocketException(WebSocketException.POLICY_VIOLATION, "bad token");
      }
      scope.defer(failure -> LOG.add("cleanup"));
      return token.get();
    }
  }

  public static final class NeedsLogin {
    public static String check(dev.snel.Request request) {
      throw new HttpException(401, "Not authenticated");
    }
  }

  public static class Sockets {
    @WebSocket("/echo")
    public void echo(WebSocketSession session, @Depends(Token.class) String token) {
      session.accept();
      try {
        while (true) {
          session.sendText(session.receiveText());
        }
      } catch (WebSocketDisconnect gone) {
        LOG.add("disconnect " + gone.code());
      }
    }

    @WebSocket("/bytes")
    public void bytes(WebSocketSession session) {
      session.accept();
      while (true) {
        session.sendBytes(session.receiveBytes());
      }
    }

    @WebSocket("/login")
    public void login(WebSocketSession session, @Depends(NeedsLogin.class) String who) {
      session.accept();
    }

    @WebSocket("/flood")
    public void flood(WebSocketSession session, int count) {
      session.accept();
      byte[] chunk = new byte[16 * 1024];
      for (int i = 0; i < count; i++) {
        session.sendBytes(chunk);
      }
      LOG.add("sent " + count);
      session.close();
    }

    @WebSocket("/sink")
    public void sink(WebSocketSession session) throws InterruptedException {
      session.accept();
      SINK_OPEN.await(10, TimeUnit.SECONDS); // reads nothing meanwhile
      int received = 0;
      try {
        while (true) {
          session.receiveText();
          received++;
        }
      } catch (WebSocketDisconnect gone) {
        LOG.add("received " + received);
      }
    }

    @WebSocket("/rooms/{name}")
    public void room(WebSocketSession session, String name) {
      session.accept();
      session.sendText(name);
      session.close();
    }

    @Get("/plain")
    public String plain() {
      return "plain";
    }
  }

  private SnelServer server;
  private TestClient client;

  @BeforeEach
  void start() {
    LOG.clear();
    server =
        SnelServer.start(
            Snel.create().include(new Sockets()),
            ServerConfig.defaults()
                .port(0)
                .maxWebSocketMessageSize(1024)
                .webSocketIdleTimeout(Duration.ofMillis(600)));
    client = TestClient.of(server.baseUri());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private URI ws(String target) {
    return URI.create("ws://127.0.0.1:" + server.port() + target);
  }

  @Test
  void echoes_through_the_test_client_and_runs_the_cleanups_after_the_client_closes()
      throws InterruptedException {
    try (TestWebSocket socket = client.webSocket("/echo?token=good")) {
      socket.sendText("hello");
      assertThat(socket.receiveText()).isEqualTo("hello");
      socket.sendText("héllo ✓");
      assertThat(socket.receiveText()).isEqualTo("héllo ✓");
    }
    awaitLog("cleanup");
    assertThat(LOG).containsExactly("disconnect 1000", "cleanup");
  }

  @Test
  void echoes_to_javas_own_websocket_client() throws Exception {
    LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    java.net.http.WebSocket.Listener listener =
        new java.net.http.WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(
              java.net.http.WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              received.add(text.toString());
              text.setLength(0);
            }
            socket.request(1);
            return null;
          }
        };
    java.net.http.WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(ws("/echo?token=good"), listener)
            .get(10, TimeUnit.SECONDS);
    socket.sendText("one", true).get(10, TimeUnit.SECONDS);
    socket.sendText("tw", false).get(10, TimeUnit.SECONDS);
    socket.sendText("o", true).get(10, TimeUnit.SECONDS); // fragments make one message
    assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("one");
    assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("two");
    socket.sendClose(1000, "done").get(10, TimeUnit.SECONDS);
    awaitLog("cleanup");
    assertThat(LOG).containsExactly("disconnect 1000", "cleanup");
  }

  @Test
  void a_wrong_token_is_refused_with_403_before_the_handshake() {
    WebSocketRefused refused =
        assertThrows(WebSocketRefused.class, () -> client.webSocket("/echo?token=bad"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(LOG).isEmpty();
  }

  @Test
  void an_http_exception_before_accept_is_an_http_answer_with_its_status() throws IOException {
    try (RawWebSocket raw = RawWebSocket.open(server.port(), RawWebSocket.handshake("/login"))) {
      assertThat(raw.status()).isEqualTo(401);
      assertThat(raw.head).containsIgnoringCase("connection: close");
    }
  }

  @Test
  void a_message_over_the_limit_closes_with_1009() {
    try (TestWebSocket socket = client.webSocket("/echo?token=good")) {
      socket.sendText("x".repeat(1024));
      assertThat(socket.receiveText()).hasSize(1024);
      socket.sendText("x".repeat(1025));
      WebSocketDisconnect closed = assertThrows(WebSocketDisconnect.class, socket::receiveText);
      assertThat(closed.code()).isEqualTo(1009);
    }
  }

  @Test
  void fragments_adding_up_to_more_than_the_limit_close_with_1009()
      throws IOException, InterruptedException {
    try (RawWebSocket raw =
        RawWebSocket.open(server.port(), RawWebSocket.handshake("/echo?token=good"))) {
      assertThat(raw.status()).isEqualTo(101);
      raw.send(new TextWebSocketFrame(false, 0, "a".repeat(600)));
      raw.send(new ContinuationWebSocketFrame(true, 0, "b".repeat(600)));
      assertClose(raw.read(), 1009);
      assertThat(raw.closedByServer()).isTrue();
    }
    awaitLog("cleanup");
    assertThat(LOG).containsExactly("disconnect 1009", "cleanup");
  }

  @Test
  void a_silent_client_is_pinged_and_closed_with_1001_after_the_idle_timeout()
      throws IOException, InterruptedException {
    try (RawWebSocket raw =
        RawWebSocket.open(server.port(), RawWebSocket.handshake("/echo?token=good"))) {
      WebSocketFrame ping = raw.read();
      assertThat(ping).isInstanceOf(PingWebSocketFrame.class);
      ping.release();
      assertClose(raw.read(), 1001);
    }
    awaitLog("cleanup");
    assertThat(LOG).containsExactly("disconnect 1001", "cleanup");
  }

  @Test
  void a_client_that_answers_pings_stays_connected_past_the_idle_timeout()
      throws InterruptedException {
    try (TestWebSocket socket = client.webSocket("/echo?token=good")) {
      Thread.sleep(1_500); // Java's client answers the server's pings
      socket.sendText("still here");
      assertThat(socket.receiveText()).isEqualTo("still here");
    }
  }

  @Test
  void stopping_the_server_closes_open_sockets_with_1001_and_waits_for_their_cleanups()
      throws Exception {
    TestWebSocket socket = client.webSocket("/echo?token=good");
    socket.sendText("before");
    assertThat(socket.receiveText()).isEqualTo("before");
    CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::stop);
    WebSocketDisconnect closed = assertThrows(WebSocketDisconnect.class, socket::receiveText);
    assertThat(closed.code()).isEqualTo(1001);
    stopped.get(10, TimeUnit.SECONDS);
    assertThat(LOG).containsExactly("disconnect 1001", "cleanup");
  }

  @Test
  void answers_pings_with_pongs_and_echoes_binary_messages() throws IOException {
    try (RawWebSocket raw = RawWebSocket.open(server.port(), RawWebSocket.handshake("/bytes"))) {
      raw.send(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {7})));
      WebSocketFrame pong = raw.read();
      assertThat(pong).isInstanceOf(PongWebSocketFrame.class);
      assertThat(pong.content().getByte(0)).isEqualTo((byte) 7);
      pong.release();
      raw.send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2})));
      WebSocketFrame echo = raw.read();
      assertThat(echo).isInstanceOf(BinaryWebSocketFrame.class);
      assertThat(echo.content().readableBytes()).isEqualTo(2);
      echo.release();
      raw.send(new CloseWebSocketFrame(1000, "bye"));
      assertClose(raw.read(), 1000);
      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @Test
  void a_slow_reader_makes_the_sender_wait_instead_of_the_server_buffering()
      throws IOException, InterruptedException {
    // the default idle timeout: this test's reader is slow, not gone
    try (SnelServer patient =
            SnelServer.start(
                Snel.create().include(new Sockets()), ServerConfig.defaults().port(0));
        RawWebSocket raw =
            RawWebSocket.open(patient.port(), RawWebSocket.handshake("/flood?count=2000"))) {
      Thread.sleep(500); // the handler is blocked in a send: 32 MiB fit in no socket buffers
      assertThat(LOG).doesNotContain("sent 2000");
      int frames = 0;
      for (WebSocketFrame frame = raw.read();
          !(frame instanceof CloseWebSocketFrame);
          frame = raw.read()) {
        if (frame == null) {
          throw new AssertionError("dropped after " + frames + " frames, log " + LOG);
        }
        if (frame instanceof PingWebSocketFrame ping) { // a live client, only slow
          raw.send(new PongWebSocketFrame(ping.content().retain()));
        } else {
          frames++;
        }
        frame.release();
      }
      assertThat(frames).isEqualTo(2000);
    }
    awaitLog("sent 2000");
  }

  @Test
  void a_plain_get_to_a_websocket_path_is_404_and_an_upgrade_elsewhere_is_plain_http()
      throws IOException {
    assertThat(client.get("/echo").status()).isEqualTo(404);
    try (RawWebSocket raw = RawWebSocket.open(server.port(), RawWebSocket.handshake("/plain"))) {
      assertThat(raw.status()).isEqualTo(200);
    }
    try (RawWebSocket raw = RawWebSocket.open(server.port(), RawWebSocket.handshake("/none"))) {
      assertThat(raw.status()).isEqualTo(404);
    }
  }

  @Test
  void a_keep_alive_connection_that_carried_plain_requests_is_upgraded() throws IOException {
    String plain = "GET /plain HTTP/1.1\r\nHost: test\r\n\r\n";
    try (RawWebSocket raw =
        RawWebSocket.openAfter(server.port(), plain, RawWebSocket.handshake("/echo?token=good"))) {
      assertThat(raw.status()).isEqualTo(101);
      raw.send(new TextWebSocketFrame("after http"));
      WebSocketFrame echoed = raw.read();
      try {
        assertThat(((TextWebSocketFrame) echoed).text()).isEqualTo("after http");
      } finally {
        echoed.release();
      }
    }
  }

  @Test
  void a_handler_that_does_not_read_stops_the_server_reading_the_client() throws Exception {
    SINK_OPEN = new java.util.concurrent.CountDownLatch(1);
    int messages = 20_000; // 20 MB: more than any socket buffers hold
    try (RawWebSocket raw = RawWebSocket.open(server.port(), RawWebSocket.handshake("/sink"))) {
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  for (int i = 0; i < messages; i++) {
                    raw.send(new TextWebSocketFrame("x".repeat(1000)));
                  }
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      Thread.sleep(1_000);
      assertThat(writer).isNotDone(); // the client's writes wait: the server reads no more
      SINK_OPEN.countDown();
      writer.get(30, TimeUnit.SECONDS); // the handler reads, and the server reads again
      raw.send(new CloseWebSocketFrame(1000, ""));
      assertClose(raw.read(), 1000);
    }
    awaitLog("received " + messages);
    assertThat(LOG).contains("received " + messages);
  }

  @Test
  void a_percent_encoded_path_is_routed_decoded_as_for_http() {
    try (TestWebSocket socket = client.webSocket("/rooms/caf%C3%A9")) {
      assertThat(socket.receiveText()).isEqualTo("café");
    }
  }

  private static void assertClose(WebSocketFrame frame, int code) {
    assertThat(frame).isInstanceOf(CloseWebSocketFrame.class);
    assertThat(((CloseWebSocketFrame) frame).statusCode()).isEqualTo(code);
    frame.release();
  }

  static void awaitLog(String line) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!LOG.contains(line) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, String> none() {
    return Map.of();
  }
}
