package dev.snel.netty.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Snel;
import dev.snel.WebSocket;
import dev.snel.WebSocketDisconnect;
import dev.snel.WebSocketSession;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a hostile client can send to a WebSocket endpoint: malformed handshakes, frames before the
 * handshake is answered, frames breaking RFC 6455. Each gets an answer or a close code, never a
 * 500, and the handler's thread always ends.
 */
class WebSocketHostileInputTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  public static class Echo {
    @WebSocket("/echo")
    public void echo(WebSocketSession session) throws InterruptedException {
      LOG.add("handler");
      Thread.sleep(200); // deciding: the client's early bytes arrive meanwhile
      try {
        session.accept();
        while (true) {
          session.sendText(session.receiveText());
        }
      } catch (WebSocketDisconnect gone) {
        LOG.add("disconnect " + gone.code());
      }
    }
  }

  private static SnelServer server;

  @BeforeAll
  static void start() {
    server =
        SnelServer.start(
            Snel.create().include(new Echo()),
            ServerConfig.defaults().port(0).maxWebSocketMessageSize(4096));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void clear() {
    LOG.clear();
  }

  private static String handshakeWith(String headerLines) {
    return "GET /echo HTTP/1.1\r\nHost: test\r\nUpgrade: websocket\r\n" + headerLines + "\r\n";
  }

  @Test
  void a_handshake_without_a_key_is_400_and_never_reaches_the_handler() throws IOException {
    try (RawWebSocket raw =
        RawWebSocket.open(
            server.port(), handshakeWith("Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"))) {
      assertThat(raw.status()).isEqualTo(400);
      assertThat(raw.closedByServer()).isTrue();
    }
    assertThat(LOG).doesNotContain("handler");
  }

  @Test
  void a_key_that_is_not_16_base64_bytes_is_400() throws IOException {
    try (RawWebSocket raw =
        RawWebSocket.open(
            server.port(),
            handshakeWith(
                "Connection: Upgrade\r\nSec-WebSocket-Key: c2hvcnQ=\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"))) {
      assertThat(raw.status()).isEqualTo(400);
    }
    assertThat(LOG).doesNotContain("handler");
  }

  @Test
  void another_protocol_version_is_426_naming_version_13() throws IOException {
    try (RawWebSocket raw =
        RawWebSocket.open(
            server.port(),
            handshakeWith(
                "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 8\r\n"))) {
      assertThat(raw.status()).isEqualTo(426);
      assertThat(raw.head).containsIgnoringCase("sec-websocket-version: 13");
    }
  }

  @Test
  void an_upgrade_without_connection_upgrade_is_400() throws IOException {
    try (RawWebSocket raw =
        RawWebSocket.open(
            server.port(),
            handshakeWith(
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"))) {
      assertThat(raw.status()).isEqualTo(400);
    }
  }

  @Test
  void bytes_sent_before_the_handshake_is_answered_are_never_read_as_a_message()
      throws IOException, InterruptedException {
    try (RawWebSocket raw =
        RawWebSocket.open(server.port(), RawWebSocket.handshake("/echo") + "early bytes")) {
      assertThat(raw.status()).isEqualTo(101);
      raw.send(new TextWebSocketFrame("after"));
      WebSocketFrame echo = raw.read();
      assertThat(((TextWebSocketFrame) echo).text()).isEqualTo("after");
      echo.release();
    }
    awaitLog("disconnect 1006");
  }

  @Test
  void a_request_pipelined_behind_a_handshake_closes_the_connection_unanswered()
      throws IOException, InterruptedException {
    try (RawWebSocket raw =
        RawWebSocket.open(
            server.port(), RawWebSocket.handshake("/echo") + "GET / HTTP/1.1\r\nHost: x\r\n\r\n")) {
      assertThat(raw.head).isEmpty();
    }
    awaitLog("disconnect 1006");
  }

  @Test
  void an_unmasked_frame_closes_with_1002() throws IOException, InterruptedException {
    try (RawWebSocket raw = RawWebSocket.open(server.port(), RawWebSocket.handshake("/echo"))) {
      assertThat(raw.status()).isEqualTo(101);
      raw.sendRaw(new byte[] {(byte) 0x81, 0x02, 'h', 'i'}); // a text frame without a mask
      assertClose(raw.read(), 1002);
      assertThat(raw.closedByServer()).isTrue();
    }
    awaitLog("disconnect 1002");
  }

  @Test
  void text_that_is_not_utf8_closes_with_1007() throws IOException, InterruptedException {
    try (RawWebSocket raw = RawWebSocket.open(server.port(), RawWebSocket.handshake("/echo"))) {
      raw.send(new TextWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {(byte) 0xC3, 0x28})));
      assertClose(raw.read(), 1007);
      assertThat(raw.closedByServer()).isTrue();
    }
    awaitLog("disconnect 1007");
  }

  @Test
  void a_frame_declaring_a_huge_length_closes_with_1009_without_waiting_for_it()
      throws IOException, InterruptedException {
    try (RawWebSocket raw = RawWebSocket.open(server.port(), RawWebSocket.handshake("/echo"))) {
      // FIN + text, masked, 64-bit length 2^40, mask key; no payload follows
      raw.sendRaw(new byte[] {(byte) 0x81, (byte) 0xFF, 0, 0, 1, 0, 0, 0, 0, 0, 1, 2, 3, 4});
      assertClose(raw.read(), 1009);
      assertThat(raw.closedByServer()).isTrue();
    }
    awaitLog("disconnect 1009");
  }

  @Test
  void a_ping_with_more_than_125_bytes_closes_with_1002() throws IOException, InterruptedException {
    try (RawWebSocket raw = RawWebSocket.open(server.port(), RawWebSocket.handshake("/echo"))) {
      byte[] ping = new byte[2 + 2 + 4 + 200]; // FIN + ping, masked, 16-bit length 200, zero mask
      ping[0] = (byte) 0x89;
      ping[1] = (byte) (0x80 | 126);
      ping[3] = (byte) 200;
      raw.sendRaw(ping);
      assertClose(raw.read(), 1002);
    }
    awaitLog("disconnect 1002");
  }

  @Test
  void a_close_with_a_reserved_code_drops_the_connection()
      throws IOException, InterruptedException {
    try (RawWebSocket raw = RawWebSocket.open(server.port(), RawWebSocket.handshake("/echo"))) {
      raw.sendRaw(new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xED}); // 1005
      assertThat(raw.closedByServer()).isTrue();
    }
    awaitLog("disconnect 1002");
  }

  private static void assertClose(WebSocketFrame frame, int code) {
    assertThat(frame).isInstanceOf(CloseWebSocketFrame.class);
    assertThat(((CloseWebSocketFrame) frame).statusCode()).isEqualTo(code);
    frame.release();
  }

  private static void awaitLog(String line) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!LOG.contains(line) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(LOG).contains(line);
  }
}
