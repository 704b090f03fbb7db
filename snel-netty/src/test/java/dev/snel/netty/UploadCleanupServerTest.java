package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Form;
import dev.snel.JsonLines;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.UploadFile;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload spooled to a temporary file leaves none behind on any way its request ends: the handler
 * throws, the form fails validation, or the response streams (the file lives until the stream
 * ends). The temporary directory is this test's own, so other runs cannot disturb it.
 */
class UploadCleanupServerTest {
  static final byte[] BIG = new byte[2 << 20]; // over the 1 MiB kept in memory: spooled

  @TempDir static Path tmp;
  private static String savedTmpdir;

  public record Size(long size, boolean onDisk, boolean exists) {}

  public static class Routes {
    @Post("/throws")
    public String fails(UploadFile file) {
      throw new IllegalStateException("the handler failed after the upload was spooled");
    }

    @Post("/validated")
    public long validated(UploadFile file, @Form int count) {
      return file.size() + count;
    }

    @Post("/lines")
    public JsonLines<Size> lines(UploadFile file) {
      return JsonLines.generate(
          sink -> {
            for (int i = 0; i < 3; i++) {
              long read;
              try (var in = file.inputStream()) {
                read = in.transferTo(java.io.OutputStream.nullOutputStream());
              }
              sink.send(new Size(read, file.onDisk(), !spooled().isEmpty()));
            }
          });
    }
  }

  private SnelServer server;

  @BeforeAll
  static void ownTmpdir() {
    savedTmpdir = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", tmp.toString());
  }

  @AfterAll
  static void restoreTmpdir() {
    System.setProperty("java.io.tmpdir", savedTmpdir);
  }

  @BeforeEach
  void start() {
    server = SnelServer.start(Snel.create().include(new Routes()), ServerConfig.defaults().port(0));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  static List<Path> spooled() {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.filter(p -> p.getFileName().toString().startsWith("snel-upload-")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertNoneLeftWithin5s() throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!spooled().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(spooled()).isEmpty();
  }

  @Test
  void a_handler_that_throws_leaves_no_temp_file() throws Exception {
    TestResponse response =
        TestClient.of(server.baseUri())
            .request("POST", "/throws")
            .file("file", "big.bin", "application/octet-stream", BIG)
            .send();
    assertThat(response.status()).isEqualTo(500);
    assertNoneLeftWithin5s();
  }

  @Test
  void a_form_that_fails_validation_leaves_no_temp_file() throws Exception {
    TestResponse response =
        TestClient.of(server.baseUri())
            .request("POST", "/validated")
            .file("file", "big.bin", "application/octet-stream", BIG)
            .field("count", "many")
            .send();
    assertThat(response.status()).isEqualTo(422);
    assertNoneLeftWithin5s();
  }

  @Test
  void a_streamed_response_reads_the_file_until_it_ends_then_it_is_deleted() throws Exception {
    TestResponse response =
        TestClient.of(server.baseUri())
            .request("POST", "/lines")
            .file("file", "big.bin", "application/octet-stream", BIG)
            .send();
    assertThat(response.status()).isEqualTo(200);
    String line = "{\"size\":" + BIG.length + ",\"onDisk\":true,\"exists\":true}";
    assertThat(response.text()).isEqualTo(line + "\n" + line + "\n" + line + "\n");
    assertNoneLeftWithin5s();
  }

  @Test
  void a_server_stopped_half_way_through_an_upload_leaves_no_temp_file() throws Exception {
    server.stop();
    server =
        SnelServer.start(
            Snel.create().include(new Routes()),
            ServerConfig.defaults().port(0).shutdownTimeout(java.time.Duration.ofMillis(300)));
    try (Raw raw = Raw.open(server.port())) {
      String head =
          "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n";
      raw.send(
          "POST /validated HTTP/1.1\r\nHost: test\r\n"
              + "Content-Type: multipart/form-data; boundary=XyZ\r\n"
              + "Content-Length: "
              + (10 << 20)
              + "\r\n\r\n"
              + head);
      raw.send(BIG); // over the memory budget: spooled, and the rest never comes
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (spooled().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(spooled()).hasSize(1);
      server.stop();
    }
    assertNoneLeftWithin5s();
  }
}
