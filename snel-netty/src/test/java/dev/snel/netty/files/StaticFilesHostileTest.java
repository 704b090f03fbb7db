package dev.snel.netty.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.netty.Raw;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request targets sent as raw bytes, as no well-behaved client sends them (an HTTP client removes
 * dot segments and escapes backslashes): none reaches a file outside the mounted directory.
 */
class StaticFilesHostileTest {
  @TempDir static Path dir;
  private static SnelServer server;

  @BeforeAll
  static void start() throws Exception {
    FileRoutes.writeFiles(dir);
    server = SnelServer.start(FileRoutes.app(dir), ServerConfig.defaults().port(0));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/static/../outside/secret.txt",
        "/static/../../../../../../etc/passwd",
        "/static/..%2foutside%2fsecret.txt",
        "/static/..%2f..%2fetc/passwd",
        "/static/..%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/static/%2e%2e/outside/secret.txt",
        "/static/.%2e/outside/secret.txt",
        "/static/..\\outside\\secret.txt",
        "/static/..%5coutside%5csecret.txt",
        "/static/%5c..%5c..%5cetc%5cpasswd",
        "/static/hello.txt%00",
        "/static/%00/../outside/secret.txt",
        "/static/..%00/outside/secret.txt",
        "/static/%c0%ae%c0%ae/outside/secret.txt",
        "/static/..;/outside/secret.txt",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/link-out.txt",
        "/static/dir-out/secret.txt",
        "/static/sub/../../outside/secret.txt",
        "/site/..%2foutside%2fsecret.txt",
        "/site/../outside/secret.txt",
      })
  void a_climb_out_of_the_directory_is_404_and_shows_nothing(String target) throws Exception {
    try (Raw raw = Raw.open(server.port())) {
      Raw.Reply reply = raw.send(Raw.get(target)).read();
      assertThat(reply.status()).as(target).isEqualTo(404);
      assertThat(reply.body()).as(target).doesNotContain("TOP-SECRET").doesNotContain("root:");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
  void only_get_and_head_are_allowed(String method) throws Exception {
    try (Raw raw = Raw.open(server.port())) {
      Raw.Reply reply =
          raw.send(
                  method + " /static/hello.txt HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n")
              .read();
      assertThat(reply.status()).as(method).isEqualTo(405);
      assertThat(reply.body()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
    }
  }

  /** A range request and a keep-alive request after it on the same connection. */
  @ParameterizedTest
  @CsvSource({"bytes=7-12,static", "bytes=-5,world", "bytes=14-,world"})
  void a_range_and_the_next_request_share_the_connection(String range, String bytes)
      throws Exception {
    try (Raw raw = Raw.open(server.port())) {
      raw.send(
          "GET /static/hello.txt HTTP/1.1\r\nHost: test\r\nRange: "
              + range
              + "\r\n\r\n"
              + Raw.get("/static/hello.txt"));
      Raw.Reply first = raw.read();
      assertThat(first.status()).isEqualTo(206);
      assertThat(first.body()).isEqualTo(bytes);
      Raw.Reply second = raw.read();
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.body()).isEqualTo("Hello, static world");
    }
  }

  @Test
  void a_large_file_a_head_and_a_small_file_pipelined_arrive_in_order_and_exact() throws Exception {
    try (Raw raw = Raw.open(server.port())) {
      raw.send(
          Raw.get("/big")
              + "HEAD /big HTTP/1.1\r\nHost: test\r\n\r\n"
              + Raw.get("/static/hello.txt"));
      Raw.Streamed big = raw.readStreamed();
      assertThat(big.status()).isEqualTo(200);
      assertThat(big.headers()).containsEntry("content-length", "" + FileRoutes.BIG_SIZE);
      assertThat(big.complete()).isTrue();
      assertThat(Arrays.equals(big.body(), FileRoutes.bigBytes())).isTrue();
      Raw.Reply head = raw.readHead();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.headers()).containsEntry("content-length", "" + FileRoutes.BIG_SIZE);
      Raw.Reply small = raw.read(); // no byte of the HEAD's body came before it
      assertThat(small.status()).isEqualTo(200);
      assertThat(small.body()).isEqualTo("Hello, static world");
    }
  }

  @Test
  void an_http_1_0_client_gets_the_file_with_its_length() throws Exception {
    try (Raw raw = Raw.open(server.port())) {
      Raw.Streamed reply =
          raw.send("GET /static/hello.txt HTTP/1.0\r\nHost: test\r\n\r\n").readStreamed();
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.headers()).containsEntry("content-length", "19");
      assertThat(reply.text()).isEqualTo("Hello, static world");
    }
  }

  @Test
  void a_client_leaving_in_the_middle_of_a_large_file_leaves_the_server_serving() throws Exception {
    try (Raw raw = Raw.open(server.port())) {
      raw.send(Raw.get("/big"));
      Raw.Reply head = raw.readHead();
      assertThat(head.status()).isEqualTo(200);
      raw.socket().getInputStream().readNBytes(1000);
    } // closed with most of the file unsent
    try (Raw raw = Raw.open(server.port())) {
      Raw.Streamed again = raw.send(Raw.get("/big")).readStreamed();
      assertThat(Arrays.equals(again.body(), FileRoutes.bigBytes())).isTrue();
    }
  }
}
