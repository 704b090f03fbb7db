package dev.snel.examples.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's uploads in a server JVM of its own with a 64 MiB heap and its own temporary
 * directory: a 300 MiB upload (generated while it is sent, never held by the test) succeeds with
 * the right size and hash, so the server cannot have held it in memory; its temporary files are
 * gone afterwards, also when the client disconnects half way; and a declared length over the
 * example's limit is a 413.
 */
class UploadsServerProcessTest {
  private static final String BOUNDARY = "----snel-upload-boundary-7d9a";
  private static final long BIG = 300L << 20;
  private static final String HEAP = "64m";

  @TempDir static Path tmp;
  private static Process server;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx" + HEAP);
    command.add("-XX:+UseSerialGC");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Djava.io.tmpdir=" + tmp.toAbsolutePath());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "uploads-server.log").toFile());
    builder.environment().put("PORT", Integer.toString(port));
    server = builder.start();
    waitFor(UploadsServerProcessTest::listening, "the server to listen");
  }

  @AfterAll
  static void stop() throws Exception {
    server.destroy();
    server.waitFor();
  }

  @Test
  void a_300_MiB_upload_is_hashed_by_a_server_with_a_64_MiB_heap_and_leaves_no_temp_file()
      throws Exception {
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/files/"))
            .header("content-type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> multipart(BIG, sent)))
            .timeout(Duration.ofMinutes(5))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "[{\"filename\":\"big.bin\",\"content_type\":\"application/octet-stream\",\"size\":"
                + BIG
                + ",\"sha256\":\""
                + HexFormat.of().formatHex(sent.digest())
                + "\"}]");
    assertThat(server.isAlive()).isTrue();
    waitFor(() -> spooled().isEmpty(), "the temporary files to be deleted");
  }

  @Test
  void a_client_that_disconnects_half_way_leaves_no_temp_file() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /files/ HTTP/1.1\r\nHost: test\r\nContent-Type: multipart/form-data; boundary="
                  + BOUNDARY
                  + "\r\nContent-Length: "
                  + (100L << 20)
                  + "\r\n\r\n"
                  + partHead())
              .getBytes(StandardCharsets.ISO_8859_1));
      byte[] chunk = new byte[1 << 20];
      for (int i = 0; i < 8; i++) {
        out.write(chunk);
      }
      out.flush();
      waitFor(() -> !spooled().isEmpty(), "the upload to be spooled to a temporary file");
    }
    waitFor(() -> spooled().isEmpty(), "the temporary files to be deleted");
    assertThat(server.isAlive()).isTrue();
  }

  @Test
  void a_declared_length_over_the_limit_is_a_413_before_any_body_is_sent() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /files/ HTTP/1.1\r\nHost: test\r\nContent-Type: multipart/form-data;"
                      + " boundary=x\r\nContent-Length: "
                      + (Uploads.MAX_UPLOAD_SIZE + 1)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(reply).startsWith("HTTP/1.1 413 ").contains("connection: close");
      assertThat(reply)
          .endsWith(
              "{\"detail\":\"Request body is larger than " + Uploads.MAX_UPLOAD_SIZE + " bytes\"}");
    }
  }

  private static String partHead() {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
  }

  /** A multipart body with one file of {@code size} generated bytes, hashed as it is read. */
  private static InputStream multipart(long size, MessageDigest digest) {
    byte[] head = partHead().getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    return new InputStream() {
      long position;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] target, int offset, int length) {
        long total = head.length + size + tail.length;
        if (position >= total) {
          return -1;
        }
        int n = (int) Math.min(length, total - position);
        for (int i = 0; i < n; i++) {
          long at = position + i;
          if (at < head.length) {
            target[offset + i] = head[(int) at];
          } else if (at < head.length + size) {
            long content = at - head.length;
            byte b = (byte) (content * 31 + (content >>> 11));
            target[offset + i] = b;
            digest.update(b);
          } else {
            target[offset + i] = tail[(int) (at - head.length - size)];
          }
        }
        position += n;
        return n;
      }
    };
  }

  private static List<Path> spooled() {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.filter(p -> p.getFileName().toString().startsWith("snel-upload-")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean listening() {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Polls with a generous deadline: a bound on a hang, not a performance claim. */
  private static void waitFor(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      assertThat(server.isAlive()).as("the server process is alive").isTrue();
      Thread.sleep(20);
    }
  }
}
