package dev.snel.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.snel.Cookie;
import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.HttpException;
import dev.snel.RequestValidationException;
import dev.snel.RouteDefinitionException;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.WebSocket;
import dev.snel.WebSocketDisconnect;
import dev.snel.WebSocketException;
import dev.snel.WebSocketSession;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestWebSocket;
import dev.snel.testing.WebSocketRefused;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WebSocket routes through the in-process TestClient: the same route code a server runs. */
class WebSocketRoutesTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    LOG.clear();
  }

  /** Starlette's tutorial guard: a token in the query, else a close before accepting. */
  public static final class Token {
    public static String check(Optional<String> token, Scope scope) {
      if (token.isEmpty() || !token.get().equals("good")) {
        throw new WebSocketException(WebSocketException.POLICY_VIOLATION, "bad token");
      }
      LOG.add("token checked");
      scope.defer(failure -> LOG.add("cleanup saw " + failure));
      return token.get();
    }
  }

  public static final class NeedsLogin {
    public static String check(@Header Optional<String> authorization) {
      if (authorization.isEmpty()) {
        throw new HttpException(401, "Not authenticated", Map.of("www-authenticate", "Bearer"));
      }
      return authorization.get();
    }
  }

  public record Move(String piece, int square) {}

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

    @WebSocket("/items/{item_id}")
    public void item(
        WebSocketSession session,
        int item_id,
        int q,
        @Header("x-trace") String trace,
        @Cookie Optional<String> session_id) {
      session.accept();
      session.sendJson(
          Map.of("item_id", item_id, "q", q, "trace", trace, "cookie", session_id.orElse("-")));
      session.close();
    }

    @WebSocket("/login")
    public void login(WebSocketSession session, @Depends(NeedsLogin.class) String who) {
      session.accept();
      session.close();
    }

    @WebSocket("/closes-first")
    public void closesFirst(WebSocketSession session) {
      session.close();
      LOG.add("after close: " + session.state());
    }

    @WebSocket("/forgets")
    public void forgets(WebSocketSession session) {}

    @WebSocket("/moves")
    public void moves(WebSocketSession session) {
      session.accept();
      while (true) {
        try {
          Move move = session.receiveJson(Move.class);
          session.sendJson(Map.of("ok", move.piece() + move.square()));
        } catch (RequestValidationException invalid) {
          session.sendJson(Map.of("errors", invalid.errors().size()));
        }
      }
    }

    @WebSocket("/strict")
    public void strict(WebSocketSession session) {
      session.accept();
      session.receiveJson(Move.class);
    }

    @WebSocket("/bytes")
    public void bytes(WebSocketSession session) {
      session.accept();
      byte[] got = session.receiveBytes();
      session.sendBytes(new byte[] {(byte) got.length});
      session.receiveText();
    }

    @WebSocket("/after-accept")
    public void afterAccept(WebSocketSession session) {
      session.accept();
      throw new WebSocketException(4000, "go away");
    }

    @WebSocket("/fails")
    public void fails(WebSocketSession session) {
      session.accept();
      throw new IllegalStateException("boom");
    }

    @WebSocket("/chat")
    public void chat(WebSocketSession session) {
      session.accept(session.subprotocols().contains("chat.v2") ? "chat.v2" : "chat.v1");
      session.sendText(session.subprotocols().toString());
      session.close(4001, "bye");
    }

    @Get("/plain")
    public String plain() {
      return "plain";
    }
  }

  private final Snel app = Snel.create().include(new Sockets());
  private final TestClient client = TestClient.of(app);

  @Test
  void echoes_text_and_runs_the_cleanups_when_the_handler_ends() {
    try (TestWebSocket socket = client.webSocket("/echo?token=good")) {
      socket.sendText("hello");
      assertThat(socket.receiveText()).isEqualTo("hello");
      socket.sendText("again");
      assertThat(socket.receiveText()).isEqualTo("again");
    }
    assertThat(LOG).containsExactly("token checked", "disconnect 1000", "cleanup saw null");
  }

  @Test
  void a_dependency_closing_before_accept_refuses_the_handshake_with_403() {
    WebSocketRefused refused =
        assertThrows(WebSocketRefused.class, () -> client.webSocket("/echo?token=bad"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(LOG).isEmpty();
  }

  @Test
  void an_http_exception_before_accept_is_answered_as_http_by_the_exception_handlers() {
    WebSocketRefused refused =
        assertThrows(WebSocketRefused.class, () -> client.webSocket("/login"));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.bodyText()).isEqualTo("{\"detail\":\"Not authenticated\"}");
    assertThat(refused.headers().first("www-authenticate")).contains("Bearer");
  }

  @Test
  void a_validation_error_before_accept_refuses_with_403() {
    WebSocketRefused refused =
        assertThrows(WebSocketRefused.class, () -> client.webSocket("/items/abc?q=1").close());
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void binds_path_query_header_and_cookie_parameters_from_the_handshake() {
    TestWebSocket socket =
        client
            .request("GET", "/items/7?q=3")
            .header("x-trace", "t-1")
            .cookie("session_id", "abc")
            .webSocket();
    assertThat(socket.receiveJson())
        .isEqualTo(TestClient.json("{\"item_id\":7,\"q\":3,\"trace\":\"t-1\",\"cookie\":\"abc\"}"));
    WebSocketDisconnect closed = assertThrows(WebSocketDisconnect.class, socket::receiveText);
    assertThat(closed.code()).isEqualTo(1000);
  }

  @Test
  void a_close_before_accept_refuses_with_403_and_the_handler_goes_on() {
    WebSocketRefused refused =
        assertThrows(WebSocketRefused.class, () -> client.webSocket("/closes-first"));
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void a_handler_that_returns_without_answering_the_handshake_is_a_500() {
    WebSocketRefused refused =
        assertThrows(WebSocketRefused.class, () -> client.webSocket("/forgets"));
    assertThat(refused.status()).isEqualTo(500);
  }

  @Test
  void receives_json_validated_as_a_record() {
    try (TestWebSocket socket = client.webSocket("/moves")) {
      socket.sendJson(Map.of("piece", "knight", "square", 42));
      assertThat(socket.receiveJson().get("ok").asString()).isEqualTo("knight42");
      socket.sendJson(Map.of("piece", "knight", "square", "far"));
      assertThat(socket.receiveJson().get("errors").asInt()).isEqualTo(1);
      socket.sendText("{not json");
      assertThat(socket.receiveJson().get("errors").asInt()).isEqualTo(1);
    }
  }

  @Test
  void invalid_json_the_handler_does_not_catch_closes_with_1007() {
    TestWebSocket socket = client.webSocket("/strict");
    socket.sendText("[1, 2]");
    WebSocketDisconnect closed = assertThrows(WebSocketDisconnect.class, socket::receiveText);
    assertThat(closed.code()).isEqualTo(1007);
  }

  @Test
  void binary_messages_and_a_binary_message_where_text_is_expected_closes_with_1003() {
    TestWebSocket socket = client.webSocket("/bytes");
    socket.sendBytes(new byte[] {1, 2, 3});
    assertThat(socket.receiveBytes()).containsExactly(3);
    socket.sendBytes(new byte[] {4});
    WebSocketDisconnect closed = assertThrows(WebSocketDisconnect.class, socket::receiveText);
    assertThat(closed.code()).isEqualTo(1003);
  }

  @Test
  void a_websocket_exception_after_accept_closes_with_its_code_and_reason() {
    TestWebSocket socket = client.webSocket("/after-accept");
    WebSocketDisconnect closed = assertThrows(WebSocketDisconnect.class, socket::receiveText);
    assertThat(closed.code()).isEqualTo(4000);
    assertThat(closed.reason()).isEqualTo("go away");
  }

  @Test
  void an_unexpected_failure_after_accept_closes_with_1011() {
    TestWebSocket socket = client.webSocket("/fails");
    WebSocketDisconnect closed = assertThrows(WebSocketDisconnect.class, socket::receiveText);
    assertThat(closed.code()).isEqualTo(1011);
    assertThat(closed.reason()).isEmpty();
  }

  @Test
  void accepts_a_subprotocol_the_client_offered() {
    TestWebSocket socket =
        client
            .request("GET", "/chat")
            .header("sec-websocket-protocol", "chat.v1, chat.v2")
            .webSocket();
    assertThat(socket.subprotocol()).contains("chat.v2");
    assertThat(socket.receiveText()).isEqualTo("[chat.v1, chat.v2]");
    WebSocketDisconnect closed = assertThrows(WebSocketDisconnect.class, socket::receiveText);
    assertThat(closed.code()).isEqualTo(4001);
    assertThat(closed.reason()).isEqualTo("bye");
  }

  @Test
  void a_websocket_path_is_not_an_http_route_and_not_in_openapi() {
    assertThat(client.get("/echo").status()).isEqualTo(404);
    assertThat(client.get("/plain").status()).isEqualTo(200);
    assertThat(app.openApiJson()).doesNotContain("/echo").contains("/plain");
  }

  @Test
  void an_unknown_websocket_path_is_refused_with_403() {
    WebSocketRefused refused =
        assertThrows(WebSocketRefused.class, () -> client.webSocket("/nowhere"));
    assertThat(refused.status()).isEqualTo(403);
  }

  public static class HttpTakesSession {
    @Get("/wrong")
    public String wrong(WebSocketSession session) {
      return "";
    }
  }

  public static class SocketTakesBody {
    @WebSocket("/wrong")
    public void wrong(WebSocketSession session, Move move) {}
  }

  @Test
  void a_session_on_an_http_route_or_a_body_on_a_websocket_route_fails_at_startup() {
    assertThatThrownBy(() -> Snel.create().include(new HttpTakesSession()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("WebSocketSession is for @WebSocket routes");
    assertThatThrownBy(() -> Snel.create().include(new SocketTakesBody()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("has no body");
  }

  @Test
  void close_codes_an_endpoint_may_not_send_are_refused() {
    assertThatThrownBy(() -> new WebSocketException(1006))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebSocketException(1000, "x".repeat(124)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
