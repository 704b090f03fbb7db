package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.snel.Default;
import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Response;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.internal.http.FileBody;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streamed response bodies over the real server, read with raw sockets to see their framing. */
class StreamingServerTest {

  public static class Routes {
    final AtomicInteger writerRuns = new AtomicInteger();
    final AtomicLong bulkWritten = new AtomicLong();
    final CountDownLatch writerStopped = new CountDownLatch(1);
    final CountDownLatch firstLineRead = new CountDownLatch(1);

    @Get("/words")
    public Response words(String text, @Default("200") int status) {
      return Response.stream(
              "text/plain",
              out -> {
                writerRuns.incrementAndGet();
                for (String word : text.split(",")) {
                  out.write((word + "\n").getBytes(StandardCharsets.UTF_8));
                  out.flush();
                }
              })
          .status(status);
    }

    /** The second line is only written once the client has read the first. */
    @Get("/handshake")
    public Response handshake() {
      return Response.stream(
          "text/plain",
          out -> {
            out.write("first\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (!firstLineRead.await(10, TimeUnit.SECONDS)) {
              throw new IllegalStateException("the client never got the first line");
            }
            out.write("second\n".getBytes(StandardCharsets.UTF_8));
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

    final AtomicInteger countedRuns = new AtomicInteger();

    @Get("/counted")
    public Response counted() {
      return Response.text("counted " + countedRuns.incrementAndGet());
    }

    @Get("/boom")
    public Response boom() {
      return Response.stream(
          "text/plain",
          out -> {
            out.write("partial\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IllegalStateException("the model crashed");
          });
    }

    /** {@code mib} MiB of a known pattern, counting what the writer got rid of. */
    @Get("/bulk")
    public Response bulk(int mib) {
      return Response.stream(
          "application/octet-stream",
          out -> {
            byte[] block = pattern(64 * 1024);
            for (int i = 0; i < mib * 16; i++) {
              out.write(block);
              bulkWritten.addAndGet(block.length);
            }
          });
    }

    /** Never ends on its own: a token every few milliseconds, with a session to close. */
    @Get("/endless")
    public Response endless(@Depends(OpenSession.class) Session session, long pause) {
      return Response.stream(
          "text/plain",
          out -> {
            try {
              while (true) {
                out.write(session.token());
                if (pause > 0) {
                  out.flush();
                  Thread.sleep(pause);
                } else {
                  out.write(new byte[1024]); // as fast as it goes, in full chunks
                }
              }
            } finally {
              writerStopped.countDown();
            }
          });
    }

    @Get("/rows")
    public Response rows(@Depends(OpenSession.class) Session session) {
      return Response.stream(
          "text/plain",
          out -> {
            for (int i = 0; i < 3; i++) {
              out.write(session.token());
              out.flush();
            }
            EVENTS.add("writer returned");
          });
    }

    @Get("/file")
    public Response file(String path, long offset, long length, boolean declare) {
      Response response =
          Response.stream("application/octet-stream", new FileBody(Path.of(path), offset, length));
      return declare ? response.header("content-length", Long.toString(length)) : response;
    }

    /** A file body whose response comes only after {@code ms}: its client may be gone by then. */
    @Get("/late-file")
    public Response lateFile(@Depends(OpenSession.class) Session session, String path, long ms)
        throws InterruptedException {
      Thread.sleep(ms);
      Path file = Path.of(path);
      return Response.stream(
          "application/octet-stream",
          out -> {
            writerRuns.incrementAndGet();
            new FileBody(file, 0, Files.size(file)).writeTo(out);
          });
    }

    /** A stream whose session's cleanup waits for {@link #CLEANUP_MAY_END}. */
    @Get("/held")
    public Response held(@Depends(HeldSession.class) Session session) {
      return Response.stream(
          "text/plain",
          out -> {
            out.write(session.token());
            out.flush();
          });
    }

    @Get("/declared")
    public Response declared(int length, int writes) {
      return Response.stream(
              "text/plain",
              out -> {
                for (int i = 0; i < writes; i++) {
                  out.write('x');
                }
              })
          .header("content-length", Integer.toString(length));
    }
  }

  static final List<String> EVENTS = new CopyOnWriteArrayList<>();

  /** A session a dependency opens and the request's scope closes; unusable after. */
  public static final class Session {
    private volatile boolean open = true;
    private int tokens;

    byte[] token() {
      if (!open) {
        throw new IllegalStateException("the session is closed");
      }
      if (tokens < 3) {
        EVENTS.add("token " + tokens);
      }
      return ("token " + tokens++ + "\n").getBytes(StandardCharsets.UTF_8);
    }
  }

  public static final class OpenSession {
    public static Session open(Scope scope) {
      Session session = new Session();
      scope.defer(
          failure -> {
            if (Thread.currentThread().isInterrupted()) {
              EVENTS.add("the cleanup runs interrupted");
            }
            session.open = false;
            EVENTS.add(failure == null ? "session closed" : "session rolled back");
          });
      return session;
    }
  }

  /** Released by a test once a slow cleanup may end. */
  static volatile CountDownLatch CLEANUP_MAY_END = new CountDownLatch(1);

  /** A session whose cleanup is slow: it waits for {@link #CLEANUP_MAY_END}. */
  public static final class HeldSession {
    public static Session open(Scope scope) {
      Session session = new Session();
      scope.defer(
          failure -> {
            try {
              boolean released = CLEANUP_MAY_END.await(20, TimeUnit.SECONDS);
              EVENTS.add(released ? "held session closed" : "held session timed out");
            } catch (InterruptedException e) {
              EVENTS.add("held cleanup interrupted"); // its database socket would be closed
            }
          });
      return session;
    }
  }

  static byte[] pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + (i >> 8));
    }
    return bytes;
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

  @BeforeEach
  void clear() {
    EVENTS.clear();
    CLEANUP_MAY_END = new CountDownLatch(1);
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
  void a_streamed_response_with_a_status_that_has_no_body_runs_no_writer() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply reply = http.send(Raw.get("/words?text=a&status=204")).readHead();
      assertThat(reply.status()).isEqualTo(204);
      assertThat(reply.headers()).doesNotContainKey("transfer-encoding");
      assertThat(http.send(Raw.get("/hello")).read().body()).isEqualTo("Hello, World!");
    }
    assertThat(routes.writerRuns).hasValue(0);
  }

  @Test
  void the_cleanups_of_a_stream_answered_by_its_head_alone_do_not_hold_the_event_loop()
      throws IOException {
    start(ServerConfig.defaults().ioThreads(1));
    try (Raw head = Raw.open(server.port());
        Raw other = Raw.open(server.port()).timeout(5_000)) {
      // a HEAD request runs no writer: its request's cleanups run once the head is sent
      head.send("HEAD /held HTTP/1.1\r\nHost: test\r\n\r\n").readHead();
      // while that cleanup blocks (a database's rollback), the one event loop serves others
      assertThat(other.send(Raw.get("/hello")).read().body()).isEqualTo("Hello, World!");
    } finally {
      CLEANUP_MAY_END.countDown();
    }
  }

  @Test
  void a_client_that_goes_away_while_the_cleanups_run_does_not_interrupt_them() throws Exception {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.get("/held")).readHead();
      http.input().readNBytes(5); // the writer has written, and returned: its cleanup waits
      http.socket().setSoLinger(true, 0);
    }
    Thread.sleep(1_000); // ample for the server to see the reset while the cleanup still runs
    CLEANUP_MAY_END.countDown();
    awaitCondition(() -> EVENTS.stream().anyMatch(e -> e.startsWith("held ")));
    assertThat(EVENTS).contains("held session closed");
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

  /** Its scope (a database session) would otherwise stay open for as long as the stream runs. */
  @Test
  void a_request_read_behind_an_open_stream_starts_only_when_the_stream_has_ended()
      throws Exception {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.get("/handshake"));
      String seen = readUntil(http.input(), "first\n");
      assertThat(seen).startsWith("HTTP/1.1 200");
      http.send(Raw.get("/counted")); // read while the stream is open
      Thread.sleep(300); // room for a request started too early to run
      assertThat(routes.countedRuns.get()).isZero();

      routes.firstLineRead.countDown();
      assertThat(readUntil(http.input(), "counted 1")).contains("second\n");
    }
  }

  private static String readUntil(java.io.InputStream in, String marker) throws IOException {
    StringBuilder seen = new StringBuilder();
    while (seen.indexOf(marker) < 0) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before " + marker + " in: " + seen);
      }
      seen.append((char) b);
    }
    return seen.toString();
  }

  @Test
  void a_writer_that_fails_after_the_head_leaves_an_incomplete_body_and_a_closed_connection()
      throws IOException {
    start();
    String log;
    Raw.Streamed reply;
    try (StderrCapture err = StderrCapture.start();
        Raw http = Raw.open(server.port())) {
      reply =
          http.send("GET /boom HTTP/1.1\r\nHost: test\r\nX-Request-Id: req-boom\r\n\r\n")
              .readStreamed();
      assertThat(http.closedByServer()).isTrue();
      log = err.text();
    }
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text()).isEqualTo("partial\n");
    assertThat(reply.complete()).as("ended by the last chunk").isFalse();
    assertThat(log).contains("req-boom").contains("the model crashed");
  }

  @Test
  void a_writer_that_fails_on_http_1_0_resets_the_connection_instead_of_ending_the_body()
      throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      http.send("GET /boom HTTP/1.0\r\n\r\n");
      // close-delimited: an orderly close would say the body is complete; only a reset does not
      assertThatThrownBy(http::readStreamed).isInstanceOf(IOException.class);
    }
  }

  /** A stop cuts a close-delimited body short: the client must not read that as its end. */
  @Test
  void stopping_the_server_during_an_http_1_0_stream_resets_the_connection() throws Exception {
    start(ServerConfig.defaults().shutdownTimeout(Duration.ofMillis(300)));
    try (Raw http = Raw.open(server.port())) {
      http.send("GET /endless?pause=5 HTTP/1.0\r\n\r\n");
      java.io.InputStream in = http.input();
      byte[] some = new byte[64];
      assertThat(in.read(some)).isPositive(); // the body has begun
      server.stop();
      server = null;
      assertThatThrownBy(() -> in.transferTo(java.io.OutputStream.nullOutputStream()))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void a_client_that_reads_nothing_holds_the_writer_and_then_gets_every_byte() throws Exception {
    start();
    int mib = 64;
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(64 * 1024);
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(Raw.get("/bulk?mib=" + mib).getBytes(StandardCharsets.ISO_8859_1));

      long held = awaitSteady(routes.bulkWritten);
      // the socket buffers and the connection's water mark, not the 64 MiB the writer has
      assertThat(held).isLessThan(8L << 20);

      InputStream in = socket.getInputStream();
      byte[] head = readHead(in);
      assertThat(new String(head, StandardCharsets.ISO_8859_1))
          .startsWith("HTTP/1.1 200")
          .containsIgnoringCase("transfer-encoding: chunked");
      MessageDigest received = MessageDigest.getInstance("SHA-256");
      long length = readChunked(in, received);
      MessageDigest expected = MessageDigest.getInstance("SHA-256");
      byte[] block = pattern(64 * 1024);
      for (int i = 0; i < mib * 16; i++) {
        expected.update(block);
      }
      assertThat(length).isEqualTo((long) mib << 20);
      assertThat(received.digest()).isEqualTo(expected.digest());
    }
  }

  @Test
  void a_client_that_goes_away_interrupts_the_writer_and_the_session_is_closed() throws Exception {
    start();
    try (StderrCapture err = StderrCapture.start()) {
      try (Raw http = Raw.open(server.port())) {
        http.send("GET /endless?pause=5 HTTP/1.1\r\nHost: test\r\nX-Request-Id: req-gone\r\n\r\n");
        http.readHead();
        http.input().readNBytes(100); // tokens are flowing
        http.socket().setSoLinger(true, 0); // a reset, as a browser tab closed mid-stream
      }
      assertThat(routes.writerStopped.await(5, TimeUnit.SECONDS)).isTrue();
      awaitCondition(() -> EVENTS.contains("session rolled back"));
      assertThat(EVENTS).doesNotContain("the cleanup runs interrupted");
      awaitCondition(() -> err.text().contains("client disconnected; stream stopped after"));
      assertThat(err.text()).contains("req-gone");
    }
  }

  @Test
  void the_dependencys_session_is_open_for_every_chunk_and_closed_after_the_last()
      throws Exception {
    start();
    try (Raw http = Raw.open(server.port())) {
      Raw.Streamed reply = http.send(Raw.get("/rows")).readStreamed();
      assertThat(reply.complete()).isTrue();
      assertThat(reply.text()).isEqualTo("token 0\ntoken 1\ntoken 2\n");
    }
    awaitCondition(() -> EVENTS.contains("session closed"));
    assertThat(EVENTS)
        .containsExactly("token 0", "token 1", "token 2", "writer returned", "session closed");
  }

  @Test
  void a_file_body_is_sent_whole_and_byte_exact_with_its_length_or_chunked(@TempDir Path dir)
      throws Exception {
    start();
    Path file = dir.resolve("data.bin");
    byte[] content = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(content);
    Files.write(file, content);
    String target = "/file?path=" + file + "&offset=1000&length=" + (content.length - 1000);
    byte[] expected = java.util.Arrays.copyOfRange(content, 1000, content.length);
    try (Raw http = Raw.open(server.port())) {
      Raw.Streamed declared = http.send(Raw.get(target + "&declare=true")).readStreamed();
      assertThat(declared.headers())
          .containsEntry("content-length", Integer.toString(expected.length))
          .doesNotContainKey("transfer-encoding");
      assertThat(declared.body()).isEqualTo(expected);

      Raw.Streamed chunked = http.send(Raw.get(target + "&declare=false")).readStreamed();
      assertThat(chunked.headers()).containsEntry("transfer-encoding", "chunked");
      assertThat(chunked.complete()).isTrue();
      assertThat(chunked.body()).isEqualTo(expected);
    }
  }

  @Test
  void a_body_shorter_or_longer_than_its_content_length_closes_the_connection() throws IOException {
    start();
    try (Raw http = Raw.open(server.port())) {
      Raw.Streamed shorter = http.send(Raw.get("/declared?length=10&writes=5")).readStreamed();
      assertThat(shorter.complete()).isFalse();
      assertThat(http.closedByServer()).isTrue();
    }
    try (Raw http = Raw.open(server.port())) {
      Raw.Streamed longer = http.send(Raw.get("/declared?length=10&writes=20")).readStreamed();
      assertThat(longer.complete()).isFalse();
      assertThat(http.closedByServer()).isTrue();
    }
    try (Raw http = Raw.open(server.port())) {
      Raw.Streamed exact = http.send(Raw.get("/declared?length=10&writes=10")).readStreamed();
      assertThat(exact.text()).isEqualTo("xxxxxxxxxx");
      assertThat(http.send(Raw.get("/hello")).read().body()).isEqualTo("Hello, World!");
    }
  }

  @Test
  void a_long_stream_outlives_the_idle_timeout_and_the_request_deadline_while_it_sends()
      throws IOException {
    start(
        ServerConfig.defaults()
            .idleTimeout(Duration.ofMillis(300))
            .requestTimeout(Duration.ofMillis(300)));
    try (Raw http = Raw.open(server.port())) {
      // a stream of 1.5 s, with a pipelined request waiting behind it all that time
      http.send(Raw.get("/slow?count=15&ms=100") + Raw.get("/hello"));
      Raw.Streamed reply = http.readStreamed();
      assertThat(reply.complete()).isTrue();
      assertThat(reply.text()).endsWith("part 14\n");
      assertThat(http.read().body()).isEqualTo("Hello, World!");
    }
  }

  @Test
  void a_client_that_reads_nothing_for_the_idle_timeout_is_closed_and_the_writer_stops()
      throws Exception {
    start(ServerConfig.defaults().idleTimeout(Duration.ofMillis(500)));
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(16 * 1024);
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
      socket
          .getOutputStream()
          .write(Raw.get("/endless?pause=0").getBytes(StandardCharsets.ISO_8859_1));
      assertThat(routes.writerStopped.await(20, TimeUnit.SECONDS)).isTrue();
      awaitCondition(() -> EVENTS.contains("session rolled back"));
    }
  }

  @Test
  void stopping_the_server_interrupts_a_stream_that_never_ends() throws Exception {
    start(ServerConfig.defaults().shutdownTimeout(Duration.ofMillis(300)));
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.get("/endless?pause=5"));
      http.readHead();
      http.input().readNBytes(50);
      Thread stopper = Thread.ofVirtual().start(server::stop);
      stopper.join(Duration.ofSeconds(20));
      assertThat(stopper.isAlive()).isFalse();
      // the stream's request was over before the app closed
      assertThat(routes.writerStopped.getCount()).isZero();
      assertThat(EVENTS).contains("session rolled back");
    }
  }

  @Test
  void a_flushed_part_reaches_the_client_before_the_writer_goes_on() {
    start();
    TestClient client = TestClient.of(server.baseUri());
    try (TestStream stream = client.request("GET", "/handshake").stream()) {
      Iterator<String> lines = stream.lines().iterator();
      assertThat(lines.next()).isEqualTo("first");
      routes.firstLineRead.countDown();
      assertThat(lines.next()).isEqualTo("second");
      assertThat(lines.hasNext()).isFalse();
    }
  }

  @Test
  void the_test_client_reads_a_stream_as_it_arrives_and_closing_it_stops_the_writer()
      throws Exception {
    start();
    TestClient client = TestClient.of(server.baseUri());
    try (TestStream stream = client.request("GET", "/endless?pause=5").stream()) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.header("transfer-encoding")).contains("chunked");
      assertThat(stream.lines().limit(3)).containsExactly("token 0", "token 1", "token 2");
    }
    assertThat(routes.writerStopped.await(5, TimeUnit.SECONDS)).isTrue();
    awaitCondition(() -> EVENTS.contains("session rolled back"));
  }

  @Test
  void a_file_body_whose_client_is_gone_leaves_no_file_open(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "counts open files in /proc");
    start();
    Path file = dir.resolve("data.bin");
    Files.write(file, new byte[1 << 20]);
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.get("/late-file?ms=300&path=" + file)); // and gone before the answer
    }
    awaitCondition(
        () -> EVENTS.contains("session closed") || EVENTS.contains("session rolled back"));
    assertThat(openHandles(file.toRealPath())).isZero();
  }

  @Test
  void a_stream_whose_client_left_before_its_turn_never_runs_its_writer(@TempDir Path dir)
      throws Exception {
    start();
    Path file = dir.resolve("data.bin");
    Files.write(file, new byte[1024]);
    try (Raw http = Raw.open(server.port())) {
      // an abandoned generation must not start costing once its answer is ready
      http.send(Raw.get("/late-file?ms=300&path=" + file));
    }
    awaitCondition(
        () -> EVENTS.contains("session closed") || EVENTS.contains("session rolled back"));
    assertThat(routes.writerRuns).hasValue(0);
  }

  /** How many of this process's file descriptors are open on the file (Linux). */
  private static long openHandles(Path file) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(
              fd -> {
                try {
                  return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException | UnsupportedOperationException e) {
                  return false; // closed meanwhile
                }
              })
          .count();
    }
  }

  /** Waits until the counter stops moving for a while; returns its value then. */
  private static long awaitSteady(AtomicLong counter) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    long last = -1;
    int steady = 0;
    while (steady < 5 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      long now = counter.get();
      steady = now == last && now > 0 ? steady + 1 : 0;
      last = now;
    }
    return last;
  }

  private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s; events: " + EVENTS);
      }
      Thread.sleep(10);
    }
  }

  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed in the head");
      }
      head.write(b);
    }
    return head.toByteArray();
  }

  /** Reads a chunked body into the digest, without keeping it; returns its length. */
  private static long readChunked(InputStream in, MessageDigest digest) throws IOException {
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    while (true) {
      String size = new String(readLine(in), StandardCharsets.ISO_8859_1).trim();
      int length = Integer.parseInt(size, 16);
      if (length == 0) {
        readLine(in);
        return total;
      }
      int left = length;
      while (left > 0) {
        int n = in.read(buffer, 0, Math.min(left, buffer.length));
        if (n < 0) {
          throw new IOException("closed in a chunk");
        }
        digest.update(buffer, 0, n);
        left -= n;
      }
      total += length;
      readLine(in);
    }
  }

  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("closed in a line");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toByteArray();
  }
}
