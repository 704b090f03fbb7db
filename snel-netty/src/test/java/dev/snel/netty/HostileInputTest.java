package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a client sending hostile bytes gets from the real server: every refusal is Snel's JSON error
 * and closes the connection, a refused request's body is never run as a request, pipelines are
 * answered in order whatever their depth, and a client that does not read cannot make the server
 * run or buffer without bound.
 */
class HostileInputTest {
  private static final String SMUGGLED =
      "GET /items/777?q=SMUGGLED HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

  public static class Routes {
    final AtomicInteger items = new AtomicInteger();
    final AtomicInteger users = new AtomicInteger();
    final AtomicInteger big = new AtomicInteger();
    static final Response SHARED = Response.text("hello");
    static final byte[] BIG_BODY = new byte[256 * 1024];

    public record Item(long item_id, String host) {}

    public record Posted(long item_id, int received) {}

    @Get("/items/{item_id}")
    public Item item(long item_id, Request request) {
      items.incrementAndGet();
      return new Item(item_id, request.header("host").orElse(""));
    }

    /** Answers once the test lets it: the requests behind it stay unanswered meanwhile. */
    final CountDownLatch held = new CountDownLatch(1);

    @Get("/held/{item_id}")
    public Item heldItem(long item_id, Request request) throws InterruptedException {
      items.incrementAndGet();
      held.await();
      return new Item(item_id, request.header("host").orElse(""));
    }

    @Post("/items/{item_id}")
    public Posted postItem(long item_id, Request request) {
      return new Posted(item_id, request.body().length);
    }

    public record User(String username) {}

    @Post("/users/")
    public User create(User user) {
      users.incrementAndGet();
      return user;
    }

    public record Price(java.math.BigDecimal amount) {}

    @Post("/prices")
    public Price price(Price price) {
      return price;
    }

    @Get("/big")
    public Response big() {
      big.incrementAndGet();
      return Response.bytes(BIG_BODY, "application/octet-stream");
    }

    @Get("/shared")
    public Response shared() {
      return SHARED;
    }

    @Get("/bad-header")
    public Response badHeader() {
      return Response.text("x").header("x-a", "1\r\nx-injected: 2");
    }

    @Get("/bad-status")
    public Response badStatus() {
      return Response.empty(-1);
    }

    @Get("/boom")
    public String boom() {
      throw new IllegalStateException("boom");
    }
  }

  private SnelServer server;
  private Routes routes;

  private SnelServer start(ServerConfig config) {
    routes = new Routes();
    server = SnelServer.start(Snel.create().include(routes), config.port(0));
    return server;
  }

  private SnelServer start() {
    return start(ServerConfig.defaults());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void a_decimal_whose_exponent_is_beyond_an_int_is_a_422_not_a_500() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply reply =
          http.send(Raw.post("/prices", "application/json", "{\"amount\": 1e99999999910}")).read();
      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.body()).contains("\"type\":\"decimal_parsing\"");
    }
    assertStillServes();
  }

  private void assertStillServes() throws IOException {
    try (Raw http = Raw.open(server.port())) {
      assertThat(http.send(Raw.get("/items/1")).read().status()).isEqualTo(200);
    }
  }

  private static void assertRefusal(Raw.Replies read, int status, String detail) {
    List<Raw.Reply> replies = read.replies();
    assertThat(replies).hasSize(1);
    Raw.Reply reply = replies.get(0);
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.headers())
        .containsEntry("content-type", "application/json")
        .containsEntry("connection", "close");
    assertThat(reply.body()).isEqualTo("{\"detail\":\"" + detail + "\"}");
  }

  @Test
  void an_unknown_expectation_is_refused_and_its_body_never_runs_as_a_request() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.postWith("/items/1", "Expect: bogus\r\n", SMUGGLED));
      assertRefusal(http.readAll(), 417, "Expectation Failed");
    }
    assertThat(routes.items).hasValue(0);
    assertStillServes();
  }

  @Test
  void an_expected_body_over_the_limit_is_refused_and_never_runs_as_a_request() throws IOException {
    start(ServerConfig.defaults().maxBodySize(16));
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.postWith("/items/1", "Expect: 100-continue\r\n", SMUGGLED));
      assertRefusal(http.readAll(), 413, "Request body is larger than 16 bytes");
    }
    assertThat(routes.items).hasValue(0);
    assertStillServes();
  }

  @Test
  void a_declared_body_over_the_limit_is_refused_and_never_runs_as_a_request() throws IOException {
    start(ServerConfig.defaults().maxBodySize(16));
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.postWith("/items/1", "", SMUGGLED));
      assertRefusal(http.readAll(), 413, "Request body is larger than 16 bytes");
    }
    assertThat(routes.items).hasValue(0);
  }

  @Test
  void expect_100_continue_within_the_limit_gets_100_then_the_answer() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send(
          "POST /items/3 HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
      assertThat(http.readHead().status()).isEqualTo(100);
      Raw.Reply reply = http.send("hello").read();
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).isEqualTo("{\"item_id\":3,\"received\":5}");
    }
  }

  @Test
  void answers_200_pipelined_gets_in_one_write_in_order() throws IOException {
    start();
    StringBuilder pipeline = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      pipeline.append(Raw.get("/items/" + i));
    }
    try (Raw http = Raw.open(server.port())) {
      http.send(pipeline.toString());
      for (int i = 0; i < 200; i++) {
        Raw.Reply reply = http.read();
        assertThat(reply.body()).startsWith("{\"item_id\":" + i + ",");
      }
    }
    assertThat(routes.items).hasValue(200);
  }

  @Test
  void answers_every_one_of_129_pipelined_posts_it_runs() throws IOException {
    start();
    StringBuilder pipeline = new StringBuilder();
    for (int i = 0; i < 129; i++) {
      pipeline.append(Raw.post("/users/", "application/json", "{\"username\":\"u" + i + "\"}"));
    }
    try (Raw http = Raw.open(server.port())) {
      http.send(pipeline.toString());
      for (int i = 0; i < 129; i++) {
        assertThat(http.read().body()).isEqualTo("{\"username\":\"u" + i + "\"}");
      }
    }
    assertThat(routes.users).hasValue(129);
  }

  @Test
  void a_pipeline_deeper_than_the_limit_is_answered_up_to_it_and_nothing_more_runs()
      throws Exception {
    start(ServerConfig.defaults().maxPipelinedRequests(50));
    StringBuilder pipeline = new StringBuilder();
    for (int i = 0; i < 80; i++) {
      pipeline.append(Raw.get("/held/" + i));
    }
    try (Raw http = Raw.open(server.port())) {
      // unanswered (an answer given at once frees its place in the pipeline before the next
      // request is read), the 80 are read: 32 run, 18 wait their turn, the rest are refused
      http.send(pipeline.toString());
      assertThat(awaitSteady(routes.items)).isEqualTo(32);
      routes.held.countDown();
      List<Raw.Reply> replies = http.readAll().replies();
      assertThat(replies).hasSize(50);
      for (int i = 0; i < 50; i++) {
        assertThat(replies.get(i).body()).startsWith("{\"item_id\":" + i + ",");
      }
      assertThat(replies.get(49).headers()).containsEntry("connection", "close");
      assertThat(replies.get(48).headers()).doesNotContainKey("connection");
    }
    assertThat(routes.items).hasValue(50);
  }

  @Test
  void a_client_that_does_not_read_stops_being_served_until_it_reads() throws Exception {
    start(ServerConfig.defaults().writeBufferSize(64 * 1024));
    int requests = 400; // 100 MiB of answers if nothing held the server back
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.get("/big").repeat(requests));
      int ran = awaitSteady(routes.big);
      // What ran is bounded by the socket buffers and one connection's requests in flight,
      // not by what the client asked for.
      assertThat(ran).isLessThan(requests / 2);
      for (int i = 0; i < requests; i++) {
        Raw.Reply reply = http.read();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSize(Routes.BIG_BODY.length);
      }
    }
    assertThat(routes.big).hasValue(requests);
  }

  /** Waits until the counter has not moved for a while, and returns it. */
  private static int awaitSteady(AtomicInteger counter) throws InterruptedException {
    int last = -1;
    while (counter.get() != last) {
      last = counter.get();
      Thread.sleep(500);
    }
    return last;
  }

  @Test
  void http_1_1_without_host_is_refused() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      assertRefusal(
          http.send("GET /items/1 HTTP/1.1\r\n\r\n").readAll(), 400, "Missing Host header");
    }
    try (Raw http = Raw.open(server.port())) {
      assertThat(http.send("GET /items/1 HTTP/1.0\r\n\r\n").read().status()).isEqualTo(200);
    }
    assertThat(routes.items).hasValue(1);
  }

  @Test
  void two_host_headers_are_refused() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send("GET /items/1 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
      assertRefusal(http.readAll(), 400, "Multiple Host headers");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a/b", "user@evil", "a b", "x:port", "x:123456", "[::1", "[::1]:8x", "a\"b"})
  void an_invalid_host_is_refused(String host) throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send("GET /items/1 HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
      assertRefusal(http.readAll(), 400, "Invalid Host header");
    }
    assertThat(routes.items).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.com",
        "example.com:",
        "127.0.0.1:8000",
        "[::1]",
        "[::1]:80",
        "xn--bcher-kva.example",
        ""
      })
  void a_valid_host_is_served(String host) throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      assertThat(http.send("GET /items/1 HTTP/1.1\r\nHost: " + host + "\r\n\r\n").read().status())
          .isEqualTo(200);
    }
  }

  @Test
  void a_control_character_in_a_request_header_is_refused_and_8_bit_text_is_kept()
      throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      assertThat(
              http.send("GET /items/1 HTTP/1.1\r\nHost: x\r\nx-a: caf\u00e9\r\n\r\n")
                  .read()
                  .status())
          .isEqualTo(200);
      List<Raw.Reply> replies =
          http.send("GET /items/1 HTTP/1.1\r\nHost: x\r\nx-a: 1\u0001\r\n\r\n").readAll().replies();
      assertThat(replies).hasSize(1);
      assertThat(replies.get(0).status()).isEqualTo(400);
    }
    assertThat(routes.items).hasValue(1);
  }

  @Test
  void an_asterisk_target_is_answered_not_dropped() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      assertThat(http.send("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(404);
      assertThat(http.send("GET * HTTP/1.1\r\nHost: x\r\n\r\n").readAll().replies())
          .singleElement()
          .satisfies(reply -> assertThat(reply.status()).isEqualTo(400));
    }
    assertStillServes();
  }

  @Test
  void an_absolute_form_target_is_routed_by_its_path_and_its_authority_is_the_host()
      throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply reply =
          http.send(
                  "GET http://127.0.0.1:"
                      + server.port()
                      + "/items/5?q=1 HTTP/1.1\r\nHost: other\r\n\r\n")
              .read();
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body())
          .isEqualTo("{\"item_id\":5,\"host\":\"127.0.0.1:" + server.port() + "\"}");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://user@evil/items/5", "ftp://host/items/5", "http:///items/5", "items/5"})
  void other_targets_are_refused(String target) throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertRefusal(http.readAll(), 400, "Invalid request target");
    }
    assertThat(routes.items).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/2.0", "HTTP/1.2", "HTTP/9.9"})
  void other_http_versions_get_505(String version) throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send("GET /items/1 " + version + "\r\nHost: x\r\n\r\n");
      assertRefusal(http.readAll(), 505, "HTTP Version Not Supported");
    }
    assertThat(routes.items).hasValue(0);
  }

  @Test
  void raw_non_ascii_bytes_in_the_target_are_refused() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes("GET /items/caf".getBytes(StandardCharsets.US_ASCII));
      request.writeBytes(new byte[] {(byte) 0xC3, (byte) 0xA9});
      request.writeBytes(" HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertRefusal(http.send(request.toByteArray()).readAll(), 400, "Invalid request target");
    }
  }

  @Test
  void a_long_chunk_extension_is_refused_as_a_bad_chunk_not_a_long_request_line()
      throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send(
          "POST /items/1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;"
              + "e".repeat(20_000)
              + "\r\nhello\r\n0\r\n\r\n");
      assertRefusal(http.readAll(), 400, "Invalid chunked body: chunk header is too long");
    }
  }

  @Test
  @Timeout(60)
  void a_header_with_cr_lf_from_a_handler_is_a_500_and_the_pipeline_behind_it_is_answered()
      throws IOException {
    start(ServerConfig.defaults().shutdownTimeout(Duration.ofMinutes(10)));
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.get("/bad-header") + Raw.get("/bad-status") + Raw.get("/items/2"));
      Raw.Reply bad = http.read();
      assertThat(bad.status()).isEqualTo(500);
      assertThat(bad.headers()).doesNotContainKey("x-injected");
      assertThat(http.read().status()).isEqualTo(500);
      assertThat(http.read().body()).startsWith("{\"item_id\":2,");
    }
    server.stop(); // returns at once: no request is left counted as in flight (else: 10 minutes)
  }

  @Test
  void a_long_or_8_bit_request_id_is_replaced_not_echoed() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send(
          "GET /boom HTTP/1.1\r\nHost: x\r\nx-request-id: " + "a".repeat(15_000) + "\r\n\r\n");
      Raw.Reply reply = http.read();
      assertThat(reply.status()).isEqualTo(500);
      assertThat(reply.headers().get("x-request-id"))
          .hasSizeLessThan(129)
          .isNotEqualTo("a".repeat(15_000));

      http.send("GET /boom HTTP/1.1\r\nHost: x\r\nx-request-id: caf\u00e9\r\n\r\n");
      assertThat(http.read().headers().get("x-request-id")).matches("[0-9a-f]+");

      http.send("GET /boom HTTP/1.1\r\nHost: x\r\nx-request-id: req-42\r\n\r\n");
      assertThat(http.read().headers().get("x-request-id")).isEqualTo("req-42");
    }
  }

  @Test
  void head_does_not_empty_a_response_the_handler_shares() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply head = http.send("HEAD /shared HTTP/1.1\r\nHost: x\r\n\r\n").readHead();
      assertThat(head.headers()).containsEntry("content-length", "5");
      Raw.Reply get = http.send(Raw.get("/shared")).read();
      assertThat(get.body()).isEqualTo("hello");
    }
  }
}
