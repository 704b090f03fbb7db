package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Form;
import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.UploadFile;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Multipart uploads over the real server, well-formed and hostile: the body streams to the handler
 * under its own size limit (413 with or without a declared length), a slow-loris body is a 408,
 * damaged bodies are Starlette's and FastAPI's 400s, never a 500, and a connection that carried a
 * whole upload is reused.
 */
class UploadServerTest {
  static final int LIMIT = 1 << 20;
  static final String TYPE = "multipart/form-data; boundary=XyZ";

  public record Saved(String filename, long size) {}

  static final java.util.concurrent.CountDownLatch HOLD =
      new java.util.concurrent.CountDownLatch(1);

  static final java.util.concurrent.atomic.AtomicInteger PARKED =
      new java.util.concurrent.atomic.AtomicInteger();
  static final java.util.concurrent.atomic.AtomicInteger MOST_PARKED =
      new java.util.concurrent.atomic.AtomicInteger();
  static final java.util.concurrent.CountDownLatch UNPARK =
      new java.util.concurrent.CountDownLatch(1);

  public static class Routes {
    @Post("/files/")
    public List<Saved> files(List<UploadFile> file) {
      return file.stream().map(f -> new Saved(f.filename(), f.size())).toList();
    }

    @Post("/profile")
    public Map<String, Object> profile(@Form String name, UploadFile avatar) {
      return Map.of("name", name, "avatar", avatar.size());
    }

    @Post("/items")
    public Saved item(Saved item) {
      return item;
    }

    @Post("/held")
    public long held(dev.snel.Request request) throws Exception {
      HOLD.await();
      return request.bodyStream().transferTo(java.io.OutputStream.nullOutputStream());
    }

    @Post("/parked")
    public long parked(UploadFile file) throws InterruptedException {
      int now = PARKED.incrementAndGet();
      MOST_PARKED.accumulateAndGet(now, Math::max);
      try {
        UNPARK.await();
      } finally {
        PARKED.decrementAndGet();
      }
      return file.size();
    }

    @Get("/ping")
    public String ping() {
      return "pong";
    }
  }

  private SnelServer server;

  private int start(ServerConfig config) {
    server = SnelServer.start(Snel.create().include(new Routes()), config.port(0));
    return server.port();
  }

  private int start() {
    return start(ServerConfig.defaults().maxUploadSize(LIMIT));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  static String part(String name, String filename, String content) {
    return "--XyZ\r\nContent-Disposition: form-data; name=\""
        + name
        + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"")
        + "\r\n\r\n"
        + content
        + "\r\n";
  }

  static String multipart(String... parts) {
    return String.join("", parts) + "--XyZ--\r\n";
  }

  @Test
  void several_files_in_one_field_and_form_fields_arrive_through_testclient() {
    start();
    TestClient client = TestClient.of(server.baseUri());
    TestResponse files =
        client
            .request("POST", "/files/")
            .file("file", "a.txt", "text/plain", "aaa".getBytes())
            .file("file", "b.txt", "text/plain", "bbbbb".getBytes())
            .send();
    assertThat(files.json())
        .isEqualTo(
            TestClient.json(
                "[{\"filename\":\"a.txt\",\"size\":3},{\"filename\":\"b.txt\",\"size\":5}]"));
    TestResponse missing = client.request("POST", "/profile").field("nick", "x").send();
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json())
        .isEqualTo(
            TestClient.json(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"name\"],\"msg\":\"Field"
                    + " required\",\"input\":null},{\"type\":\"missing\",\"loc\":[\"body\","
                    + "\"avatar\"],\"msg\":\"Field required\",\"input\":null}]}"));
  }

  @Test
  void a_connection_that_carried_a_whole_upload_carries_the_next_request() throws IOException {
    try (Raw raw = Raw.open(start())) {
      raw.send(Raw.post("/files/", TYPE, multipart(part("file", "a.txt", "hello"))));
      Raw.Reply first = raw.read();
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.closes()).isFalse();
      raw.send(Raw.get("/ping"));
      assertThat(raw.read().body()).isEqualTo("\"pong\"");
    }
  }

  @Test
  void a_connection_that_carried_plain_requests_streams_its_first_upload() throws IOException {
    try (Raw raw = Raw.open(start())) {
      raw.send(Raw.get("/ping"));
      assertThat(raw.read().body()).isEqualTo("\"pong\"");
      raw.send(Raw.post("/files/", TYPE, multipart(part("file", "a.txt", "hello"))));
      Raw.Reply upload = raw.read();
      assertThat(upload.status()).isEqualTo(200);
      assertThat(upload.body()).contains("a.txt");
      raw.send(Raw.get("/ping"));
      assertThat(raw.read().body()).isEqualTo("\"pong\"");
    }
  }

  @Test
  void an_upload_declaring_a_length_over_the_limit_is_refused_with_413_and_closed()
      throws IOException {
    try (Raw raw = Raw.open(start())) {
      raw.send(
          "POST /files/ HTTP/1.1\r\nHost: t\r\nContent-Type: "
              + TYPE
              + "\r\nContent-Length: "
              + (LIMIT + 1)
              + "\r\n\r\n");
      Raw.Reply reply = raw.read();
      assertThat(reply.status()).isEqualTo(413);
      assertThat(reply.body())
          .isEqualTo("{\"detail\":\"Request body is larger than " + LIMIT + " bytes\"}");
      assertThat(reply.closes()).isTrue();
    }
  }

  @Test
  void a_chunked_upload_growing_over_the_limit_is_answered_413_and_closed() throws IOException {
    try (Raw raw = Raw.open(start())) {
      raw.send(
          "POST /files/ HTTP/1.1\r\nHost: t\r\nContent-Type: "
              + TYPE
              + "\r\nTransfer-Encoding: chunked\r\n\r\n");
      String head =
          "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n\r\n";
      raw.send(Integer.toHexString(head.length()) + "\r\n" + head + "\r\n");
      byte[] chunk =
          ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      Raw.Replies replies;
      try {
        for (int i = 0; i < 20; i++) { // 1.25 MiB, over the 1 MiB limit
          raw.send(chunk);
        }
      } catch (IOException e) {
        // the server may close while the client still sends: the answer was sent before
      }
      replies = raw.readAll();
      assertThat(replies.replies()).hasSize(1);
      assertThat(replies.replies().get(0).status()).isEqualTo(413);
      assertThat(replies.replies().get(0).body())
          .isEqualTo("{\"detail\":\"Request body is larger than " + LIMIT + " bytes\"}");
      assertThat(replies.closed()).isTrue();
    }
  }

  @Test
  void a_slow_loris_upload_is_answered_408_and_closed() throws Exception {
    int port = start(ServerConfig.defaults().requestTimeout(Duration.ofSeconds(1)));
    try (Raw raw = Raw.open(port)) {
      raw.send(
          "POST /files/ HTTP/1.1\r\nHost: t\r\nContent-Type: "
              + TYPE
              + "\r\nContent-Length: 100000\r\n\r\n"
              + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n\r\n");
      Thread trickle =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      for (int i = 0; i < 200; i++) { // 10 bytes a second, for up to 20 s
                        raw.send("x");
                        Thread.sleep(100);
                      }
                    } catch (IOException | InterruptedException e) {
                      // closed by the server: what this test waits for
                    }
                  });
      Raw.Reply reply = raw.read();
      assertThat(reply.status()).isEqualTo(408);
      assertThat(reply.body()).isEqualTo("{\"detail\":\"Request Timeout\"}");
      assertThat(reply.closes()).isTrue();
      trickle.interrupt();
    }
  }

  @Test
  void damaged_bodies_are_400s_never_500s() throws IOException {
    int port = start();
    String truncated = part("file", "a.txt", "no closing boundary");
    assertThat(answer(port, Raw.post("/files/", TYPE, truncated)))
        .isEqualTo("400 {\"detail\":\"There was an error parsing the body\"}");
    assertThat(answer(port, Raw.post("/files/", "multipart/form-data", multipart())))
        .isEqualTo("400 {\"detail\":\"Missing boundary in multipart.\"}");
    String hugeHeaders =
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\nX-Junk: "
            + "j".repeat(20_000)
            + "\r\n\r\nx\r\n--XyZ--\r\n";
    assertThat(answer(port, Raw.post("/files/", TYPE, hugeHeaders)))
        .isEqualTo("400 {\"detail\":\"Part headers exceeded maximum size of 10KB.\"}");
    assertThat(answer(port, Raw.post("/files/", TYPE, "garbage without any boundary")))
        .isEqualTo("422 " + missingFile());
  }

  @Test
  void too_many_parts_are_starlettes_400() throws IOException {
    int port = start();
    String fields = multipart(repeat(part("f", null, "v"), 1001));
    assertThat(answer(port, Raw.post("/files/", TYPE, fields)))
        .isEqualTo("400 {\"detail\":\"Too many fields. Maximum number of fields is 1000.\"}");
    String files = multipart(repeat(part("file", "a", ""), 1001));
    assertThat(answer(port, Raw.post("/files/", TYPE, files)))
        .isEqualTo("400 {\"detail\":\"Too many files. Maximum number of files is 1000.\"}");
    String bigField = multipart(part("f", null, "v".repeat((1 << 20) + 1)));
    assertThat(
            answer(
                start(ServerConfig.defaults().maxUploadSize(4 << 20)),
                Raw.post("/files/", TYPE, bigField)))
        .isEqualTo("400 {\"detail\":\"Part exceeded maximum size of 1024KB.\"}");
  }

  @Test
  void text_fields_held_in_memory_are_bounded_together_not_by_the_upload_limit()
      throws IOException {
    // An upload limit raised for large files must not let one form put that much text in the
    // heap: 9 fields of Starlette's largest size are 9 MiB of strings, over the 8 MiB allowed.
    int port = start(ServerConfig.defaults().maxUploadSize(64 << 20));
    String field = "v".repeat(1 << 20);
    String nine = multipart(repeat(part("f", null, field), 9), part("file", "a.txt", "x"));
    assertThat(answer(port, Raw.post("/files/", TYPE, nine)))
        .isEqualTo("400 {\"detail\":\"Form fields exceeded maximum total size of 8192KB.\"}");
    String eight = multipart(repeat(part("f", null, field), 8), part("file", "a.txt", "x"));
    assertThat(answer(port, Raw.post("/files/", TYPE, eight)))
        .isEqualTo("200 [{\"filename\":\"a.txt\",\"size\":1}]");
  }

  @Test
  void a_multipart_body_read_whole_by_a_json_route_is_held_to_the_json_body_limit()
      throws IOException {
    int port = start(ServerConfig.defaults().maxUploadSize(8 << 20));
    String big = multipart(part("file", "f", "x".repeat(2 << 20)));
    Raw.Reply reply;
    try (Raw raw = Raw.open(port)) {
      reply = raw.send(Raw.post("/items", TYPE, big)).read();
    }
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.body())
        .isEqualTo("{\"detail\":\"Request body is larger than " + (1 << 20) + " bytes\"}");
  }

  @Test
  void a_handler_that_does_not_read_yet_stops_the_server_reading_the_upload() throws Exception {
    long size = 64L << 20;
    int port = start(ServerConfig.defaults().maxUploadSize(size));
    java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
    try (Raw raw = Raw.open(port)) {
      raw.send(
          "POST /held HTTP/1.1\r\nHost: t\r\nContent-Type: "
              + TYPE
              + "\r\nContent-Length: "
              + size
              + "\r\n\r\n");
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    byte[] chunk = new byte[64 * 1024];
                    try {
                      for (long at = 0; at < size; at += chunk.length) {
                        raw.send(chunk);
                        sent.addAndGet(chunk.length);
                      }
                    } catch (IOException e) {
                      // the test failed elsewhere
                    }
                  });
      // wait until the client cannot send more: the server stopped reading
      long before = -1;
      while (sent.get() != before) {
        before = sent.get();
        Thread.sleep(1000);
      }
      assertThat(sent.get())
          .as("what the client could send while the handler read nothing")
          .isLessThan(size / 2);
      HOLD.countDown();
      writer.join();
      Raw.Reply reply = raw.read();
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).isEqualTo(Long.toString(size));
    }
  }

  @Test
  void pipelined_uploads_of_one_connection_are_handled_one_at_a_time() throws Exception {
    // Each upload in flight may hold maxUploadSize on disk and its fields in memory: a client
    // pipelining uploads behind one that is still being handled must not multiply that by the 32
    // requests a connection may have in flight.
    String upload = Raw.post("/parked", TYPE, multipart(part("file", "a.bin", "x".repeat(1000))));
    try (Raw raw = Raw.open(start())) {
      raw.send(upload + upload + upload);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (PARKED.get() < 1 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(PARKED.get()).isEqualTo(1);
      // a generous chance for a second one to start, which it must not
      deadline = System.nanoTime() + 2_000_000_000L;
      while (PARKED.get() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      UNPARK.countDown();
      for (int i = 0; i < 3; i++) {
        Raw.Reply reply = raw.read();
        assertThat(reply.summary()).isEqualTo("200 1000");
      }
    }
    assertThat(MOST_PARKED.get()).as("uploads handled at once on one connection").isEqualTo(1);
  }

  @Test
  void expect_100_continue_is_answered_before_the_body_is_sent() throws IOException {
    try (Raw raw = Raw.open(start())) {
      String body = multipart(part("file", "a.txt", "hello"));
      raw.send(
          "POST /files/ HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Type: "
              + TYPE
              + "\r\nContent-Length: "
              + body.length()
              + "\r\n\r\n");
      assertThat(raw.read().status()).isEqualTo(100);
      raw.send(body);
      assertThat(raw.read().body()).isEqualTo("[{\"filename\":\"a.txt\",\"size\":5}]");
    }
  }

  private static String missingFile() {
    return "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"file\"],\"msg\":\"Field"
        + " required\",\"input\":null}]}";
  }

  private static String repeat(String text, int times) {
    return text.repeat(times);
  }

  private static String answer(int port, String request) throws IOException {
    try (Raw raw = Raw.open(port)) {
      Raw.Reply reply = raw.send(request).read();
      return reply.status() + " " + reply.body();
    }
  }
}
