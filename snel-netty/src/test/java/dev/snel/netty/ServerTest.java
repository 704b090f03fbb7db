package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServerTest {

  public static class Routes {
    final CountDownLatch entered;

    Routes(int expectedSlow) {
      entered = new CountDownLatch(expectedSlow);
    }

    @Get("/hello")
    public Response hello() {
      return Response.text("Hello, World!");
    }

    @Get("/slow")
    public Map<String, Object> slow(long ms) throws InterruptedException {
      entered.countDown();
      Thread.sleep(ms);
      return Map.of("slept", ms);
    }

    @Get("/status/{code}")
    public Response status(int code) {
      return Response.empty(code);
    }

    @Get("/own-headers")
    public Response ownHeaders() {
      Response response = Response.text("mine").header("date", "Thu, 01 Jan 1970 00:00:00 GMT");
      response.headers().add("x-tag", "a").add("x-tag", "b");
      return response;
    }

    @Post("/echo")
    public Map<String, Object> echo(Request request) {
      return Map.of("received", request.body().length);
    }
  }

  private SnelServer server;
  private Routes routes;

  private SnelServer start(ServerConfig config, int expectedSlow) {
    routes = new Routes(expectedSlow);
    server = SnelServer.start(Snel.create().include(routes), config.port(0));
    return server;
  }

  private SnelServer start() {
    return start(ServerConfig.defaults(), 0);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void keeps_a_connection_alive_across_requests() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      for (int i = 0; i < 3; i++) {
        Raw.Reply reply = http.send(Raw.get("/hello")).read();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("Hello, World!");
        assertThat(reply.headers()).doesNotContainKey("connection").containsKey("date");
      }
    }
  }

  /**
   * The app's headers go out as it set them, each value on its own line, except the ones the server
   * writes itself: its Date (once), its Content-Length and its Connection when it closes.
   */
  @Test
  void writes_the_apps_headers_and_its_own_date_length_and_connection_once() throws Exception {
    start();
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply reply = http.send(Raw.get("/own-headers")).read();
      assertThat(reply.body()).isEqualTo("mine");
      assertThat(reply.headers())
          .containsEntry("x-tag", "a, b")
          .containsEntry("content-length", "4")
          .containsEntry("content-type", "text/plain; charset=utf-8")
          .doesNotContainKey("connection");
      assertThat(reply.headers().get("date")).doesNotContain("1970");
      assertThat(
              ZonedDateTime.parse(
                  reply.headers().get("date"), DateTimeFormatter.RFC_1123_DATE_TIME))
          .isNotNull();
      Raw.Reply last =
          http.send("GET /own-headers HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").read();
      assertThat(last.headers())
          .containsEntry("connection", "close")
          .containsEntry("x-tag", "a, b");
      assertThat(http.closedByServer()).isTrue();
    }
  }

  /** The Date header follows the clock across seconds (RFC 9110 §6.6.1: second precision). */
  @Test
  void dates_each_answer_with_the_current_second() throws Exception {
    start();
    try (Raw http = Raw.open(server.port())) {
      for (int i = 0; i < 3; i++) {
        long before = Instant.now().getEpochSecond();
        Raw.Reply reply = http.send(Raw.get("/hello")).read();
        long after = Instant.now().getEpochSecond();
        long date =
            ZonedDateTime.parse(reply.headers().get("date"), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toEpochSecond();
        // formatted just after each second begins, so at most that moment behind
        assertThat(date).isBetween(before - 1, after);
        Thread.sleep(700);
      }
    }
  }

  /** RFC 9110 §8.6 and Starlette: no Content-Length on a 204, nor on a 304, whose GET has one. */
  @Test
  void sends_no_content_length_with_a_204_or_a_304_and_keeps_the_connection_framed()
      throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.get("/status/204") + Raw.get("/status/304") + Raw.get("/hello"));
      Raw.Reply noContent = http.read();
      Raw.Reply notModified = http.read();
      assertThat(noContent.status()).isEqualTo(204);
      assertThat(noContent.headers()).doesNotContainKey("content-length");
      assertThat(notModified.status()).isEqualTo(304);
      assertThat(notModified.headers()).doesNotContainKey("content-length");
      assertThat(http.read().body()).isEqualTo("Hello, World!");
    }
  }

  @Test
  void answers_pipelined_requests_in_order_even_when_the_first_is_slowest() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.get("/slow?ms=300") + Raw.get("/hello") + Raw.get("/slow?ms=1"));
      assertThat(http.read().body()).isEqualTo("{\"slept\":300}");
      assertThat(http.read().body()).isEqualTo("Hello, World!");
      assertThat(http.read().body()).isEqualTo("{\"slept\":1}");
    }
  }

  @Test
  void answers_a_deep_pipeline_completely_and_in_order() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      StringBuilder requests = new StringBuilder();
      for (int i = 0; i < 100; i++) {
        requests.append(Raw.get("/slow?ms=" + (i % 3)));
      }
      http.send(requests.toString());
      for (int i = 0; i < 100; i++) {
        assertThat(http.read().body()).isEqualTo("{\"slept\":" + (i % 3) + "}");
      }
    }
  }

  @Test
  void closes_the_connection_after_a_connection_close_request() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply reply =
          http.send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").read();
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.headers()).containsEntry("connection", "close");
      assertThat(http.closedByServer()).isTrue();
    }
  }

  @Test
  void closes_an_http_1_0_connection_unless_asked_to_keep_it() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      assertThat(http.send("GET /hello HTTP/1.0\r\n\r\n").read().status()).isEqualTo(200);
      assertThat(http.closedByServer()).isTrue();
    }
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply reply = http.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
      assertThat(reply.headers()).containsEntry("connection", "keep-alive");
      assertThat(http.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read().status())
          .isEqualTo(200);
    }
  }

  @Test
  void refuses_a_too_long_request_line_with_414_and_keeps_serving() throws IOException {
    start(ServerConfig.defaults().maxRequestLineLength(1024), 0);
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply reply = http.send(Raw.get("/hello?q=" + "x".repeat(2000))).read();
      assertThat(reply.status()).isEqualTo(414);
      assertThat(reply.body()).isEqualTo("{\"detail\":\"Request line is too long\"}");
      assertThat(http.closedByServer()).isTrue();
    }
    assertServes();
  }

  @Test
  void refuses_too_large_headers_with_431() throws IOException {
    start(ServerConfig.defaults().maxHeaderSize(1024), 0);
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply reply =
          http.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Big: " + "y".repeat(4000) + "\r\n\r\n")
              .read();
      assertThat(reply.status()).isEqualTo(431);
      assertThat(reply.body()).isEqualTo("{\"detail\":\"Request header fields are too large\"}");
    }
    assertServes();
  }

  @Test
  void refuses_a_declared_too_large_body_with_413_before_reading_it() throws IOException {
    start(ServerConfig.defaults().maxBodySize(100), 0);
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply reply =
          http.send(
                  "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
              .read();
      assertThat(reply.status()).isEqualTo(413);
      assertThat(reply.body()).isEqualTo("{\"detail\":\"Request body is larger than 100 bytes\"}");
      assertThat(http.closedByServer()).isTrue();
    }
    assertServes();
  }

  @Test
  void refuses_a_chunked_body_that_grows_too_large_with_413() throws IOException {
    start(ServerConfig.defaults().maxBodySize(100), 0);
    try (Raw http = Raw.open(server.port())) {
      String chunk = "x".repeat(80);
      Raw.Reply reply =
          http.send(
                  "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                      + "50\r\n"
                      + chunk
                      + "\r\n50\r\n"
                      + chunk
                      + "\r\n0\r\n\r\n")
              .read();
      assertThat(reply.status()).isEqualTo(413);
    }
    assertServes();
  }

  @Test
  void accepts_a_body_within_the_limit_chunked_or_not() throws IOException {
    start(ServerConfig.defaults().maxBodySize(100), 0);
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply plain =
          http.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello").read();
      assertThat(plain.body()).isEqualTo("{\"received\":5}");
      Raw.Reply chunked =
          http.send(
                  "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
              .read();
      assertThat(chunked.body()).isEqualTo("{\"received\":5}");
    }
  }

  @Test
  void answers_a_malformed_request_with_400_and_closes() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply reply =
          http.send("GET /hello HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\n").read();
      assertThat(reply.status()).isEqualTo(400);
      assertThat(http.closedByServer()).isTrue();
    }
    assertServes();
  }

  @Test
  void a_slow_loris_client_gets_408_and_does_not_block_others() throws Exception {
    start(ServerConfig.defaults().requestTimeout(Duration.ofSeconds(1)), 0);
    try (Raw slow = Raw.open(server.port())) {
      slow.send("GET /hello HTTP/1.1\r\nHost: t\r\n");
      for (int i = 0; i < 5; i++) {
        slow.send("X-Drip-" + i + ": 1\r\n");
        assertServes(); // others are answered while the slow client trickles
        Thread.sleep(300);
      }
      Raw.Reply reply = slow.read();
      assertThat(reply.status()).isEqualTo(408);
      assertThat(reply.body()).isEqualTo("{\"detail\":\"Request Timeout\"}");
      assertThat(slow.closedByServer()).isTrue();
    }
  }

  @Test
  void closes_a_connection_idle_for_longer_than_the_idle_timeout() throws IOException {
    start(ServerConfig.defaults().idleTimeout(Duration.ofMillis(300)), 0);
    try (Raw http = Raw.open(server.port())) {
      assertThat(http.send(Raw.get("/hello")).read().status()).isEqualTo(200);
      assertThat(http.closedByServer()).isTrue();
    }
  }

  @Test
  void a_connection_in_use_outlives_its_idle_timeout() throws Exception {
    start(ServerConfig.defaults().idleTimeout(Duration.ofMillis(300)), 0);
    try (Raw http = Raw.open(server.port())) {
      // 1.2 s on one connection, never 300 ms without a request or an answer
      for (int i = 0; i < 12; i++) {
        assertThat(http.send(Raw.get("/hello")).read().status()).isEqualTo(200);
        Thread.sleep(100);
      }
      assertThat(http.send(Raw.get("/hello")).read().status()).isEqualTo(200);
      assertThat(http.closedByServer()).isTrue();
    }
  }

  @Test
  void a_client_that_disconnects_mid_request_does_not_disturb_the_server() throws Exception {
    start();
    for (int i = 0; i < 20; i++) {
      try (Socket socket = new Socket("127.0.0.1", server.port())) {
        socket.getOutputStream().write(Raw.get("/slow?ms=50").getBytes());
        socket.setSoLinger(true, 0); // reset, not a clean close
      }
    }
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket
          .getOutputStream()
          .write(
              "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly-part".getBytes());
    }
    assertServes();
  }

  @Test
  void serves_a_thousand_concurrent_blocking_requests() throws Exception {
    start(ServerConfig.defaults(), 1000);
    TestClient client = TestClient.of(server.baseUri());
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<TestResponse>> responses = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        responses.add(pool.submit(() -> client.get("/slow?ms=200")));
      }
      for (Future<TestResponse> response : responses) {
        assertThat(response.get().status()).isEqualTo(200);
      }
    }
  }

  @Test
  void a_graceful_stop_finishes_requests_in_flight_and_then_refuses_connections() throws Exception {
    start(ServerConfig.defaults().shutdownTimeout(Duration.ofSeconds(20)), 10);
    TestClient client = TestClient.of(server.baseUri());
    int port = server.port();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<TestResponse>> inFlight = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        inFlight.add(pool.submit(() -> client.get("/slow?ms=500")));
      }
      assertThat(routes.entered.await(10, TimeUnit.SECONDS)).isTrue();
      server.stop();
      for (Future<TestResponse> response : inFlight) {
        TestResponse done = response.get();
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text()).isEqualTo("{\"slept\":500}");
      }
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  private void assertServes() throws IOException {
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply reply = http.send(Raw.get("/hello")).read();
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).isEqualTo("Hello, World!");
    }
  }
}
