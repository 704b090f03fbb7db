package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Response;
import dev.snel.Snel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streamed response bodies over the real server, read with raw sockets to see their framing. */
class StreamingServerTest {

  public static class Routes {
    final AtomicInteger writerRuns = new AtomicInteger();

    @Get("/words")
    public Response words(String text) {
      return Response.stream(
          "text/plain",
          out -> {
            writerRuns.incrementAndGet();
            for (String word : text.split(",")) {
              out.write((word + "\n").getBytes(StandardCharsets.UTF_8));
              out.flush();
            }
          });
    }

    @Get("/slow")
    public Response slow(int count, long ms) {
      return Response.stream(
          "text/plain",
          out -> {
            for (int i = 0; i < count; i++) {
              Thread.sleep(ms);
              out.write(("part " + i + "\n").getBytes(StandardCharsets.UTF_8));
              out.flush();
            }
          });
    }

    @Get("/hello")
    public Response hello() {
      return Response.text("Hello, World!");
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
  void a_streamed_body_is_chunked_on_http_1_1_and_the_connection_stays_usable() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      Raw.Streamed reply = http.send(Raw.get("/words?text=alpha,beta,gamma")).readStreamed();

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.headers())
          .containsEntry("transfer-encoding", "chunked")
          .containsEntry("content-type", "text/plain")
          .doesNotContainKey("content-length");
      assertThat(reply.complete()).isTrue();
      assertThat(reply.text()).isEqualTo("alpha\nbeta\ngamma\n");
      // each flush is a chunk of its own
      assertThat(reply.chunks()).hasSize(3);

      assertThat(http.send(Raw.get("/hello")).read().body()).isEqualTo("Hello, World!");
    }
  }

  @Test
  void a_streamed_body_on_http_1_0_ends_when_the_server_closes_the_connection() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      Raw.Streamed reply =
          http.send("GET /words?text=one,two HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
              .readStreamed();

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.headers())
          .containsEntry("connection", "close")
          .doesNotContainKey("transfer-encoding")
          .doesNotContainKey("content-length");
      assertThat(reply.text()).isEqualTo("one\ntwo\n");
      assertThat(http.closedByServer()).isTrue();
    }
  }

  @Test
  void head_answers_the_head_without_running_the_writer() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply head = http.send("HEAD /words?text=a HTTP/1.1\r\nHost: test\r\n\r\n").readHead();

      assertThat(head.status()).isEqualTo(200);
      assertThat(head.headers()).containsEntry("transfer-encoding", "chunked");
      // the next response follows at once: no body, not even a last chunk, came in between
      assertThat(http.send(Raw.get("/hello")).read().body()).isEqualTo("Hello, World!");
    }
    assertThat(routes.writerRuns).hasValue(0);
  }

  @Test
  void a_pipelined_request_behind_a_slow_stream_is_answered_after_it() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.get("/slow?count=5&ms=50") + Raw.get("/hello") + Raw.get("/words?text=x"));

      Raw.Streamed first = http.readStreamed();
      assertThat(first.complete()).isTrue();
      assertThat(first.text()).isEqualTo("part 0\npart 1\npart 2\npart 3\npart 4\n");
      assertThat(http.read().body()).isEqualTo("Hello, World!");
      assertThat(http.readStreamed().text()).isEqualTo("x\n");
    }
  }
}
