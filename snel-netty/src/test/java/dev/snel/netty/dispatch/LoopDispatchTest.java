package dev.snel.netty.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.snel.BackgroundTasks;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Offload;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.WebSocket;
import dev.snel.WebSocketSession;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import dev.snel.testing.TestWebSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default dispatch, virtual threads carried by the connection's event loop, and its hazards:
 * what parks (sockets, JDBC, HTTP calls) frees the loop; what holds a carrier (computing, file I/O)
 * runs {@code @Offload}ed without delaying the loop's other connections; nothing on Snel's own path
 * pins. Every server here has one I/O thread, so that all connections share one loop.
 */
class LoopDispatchTest {
  private static final String POSTGRES =
      System.getProperty(
          "snel.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  /** The routes; {@code released} ends the waiting ones. */
  public static final class Routes {
    final AtomicBoolean released = new AtomicBoolean();
    final CountDownLatch spinning = new CountDownLatch(1);
    volatile Path scratch = Path.of(".");
    volatile URI slowPeer = URI.create("http://127.0.0.1:1/");

    @Get("/thread")
    public String thread() {
      return Thread.currentThread().toString();
    }

    @Offload
    @Get("/offloaded/thread")
    public String offloadedThread() {
      return Thread.currentThread().toString();
    }

    @Get("/release")
    public String release() {
      released.set(true);
      return "released";
    }

    /** Computes (never parks) until released, for at most the seconds asked. */
    @Offload
    @Get("/offloaded/spin")
    public String offloadedSpin(int seconds) {
      return spin(seconds);
    }

    /** The same on the loop: the hazard the annotation exists for. */
    @Get("/spin")
    public String spinOnLoop(int seconds) {
      return spin(seconds);
    }

    private String spin(int seconds) {
      spinning.countDown();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (!released.get() && System.nanoTime() < end) {
        Thread.onSpinWait();
      }
      return released.get() ? "released" : "timed out";
    }

    /** Writes a file, chunk by chunk, until released. */
    @Offload
    @Get("/offloaded/write-file")
    public String writeFile() throws IOException {
      Path file = Files.createTempFile(scratch, "spool", ".bin");
      byte[] chunk = new byte[64 * 1024];
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      long written = 0;
      try (OutputStream out = Files.newOutputStream(file)) {
        while (!released.get() && System.nanoTime() < end) {
          out.write(chunk);
          written += chunk.length;
          if (written > 64 << 20) { // keep the disk's share small: start again
            out.flush();
            Files.newOutputStream(file).close();
            written = 0;
          }
        }
      } finally {
        Files.delete(file);
      }
      return released.get() ? "released" : "timed out";
    }

    /** Waits in PostgreSQL for an advisory lock the test holds. */
    @Get("/jdbc/lock")
    public String lock() throws SQLException {
      try (Connection connection = DriverManager.getConnection(POSTGRES);
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT pg_advisory_lock(42042), 'locked'")) {
        rows.next();
        return rows.getString(2);
      }
    }

    /** A plain JDBC round trip. */
    @Get("/jdbc/now")
    public String now() throws SQLException {
      try (Connection connection = DriverManager.getConnection(POSTGRES);
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT 40 + 2")) {
        rows.next();
        return Integer.toString(rows.getInt(1));
      }
    }

    /** Calls an HTTP peer that answers only when the test lets it. */
    @Get("/http-call")
    public String call() throws IOException, InterruptedException {
      try (HttpClient client = HttpClient.newHttpClient()) {
        return client
            .send(HttpRequest.newBuilder(slowPeer).build(), HttpResponse.BodyHandlers.ofString())
            .body();
      }
    }

    final BlockingQueue<String> taskThreads = new LinkedBlockingQueue<>();

    /** Accepts, leaves a background task that notes its thread, and closes. */
    @WebSocket("/ws/background")
    public void webSocketBackground(WebSocketSession session, BackgroundTasks tasks) {
      tasks.add(() -> taskThreads.add(Thread.currentThread().toString()));
      session.accept();
      session.close();
    }

    /** Answers each message with the thread the session runs on. */
    @WebSocket("/ws/thread")
    public void webSocketThread(WebSocketSession session) {
      session.accept();
      while (true) {
        session.receiveText();
        session.sendText(Thread.currentThread().toString());
      }
    }

    /** The same, offloaded. */
    @Offload
    @WebSocket("/ws/offloaded/thread")
    public void offloadedWebSocketThread(WebSocketSession session) {
      webSocketThread(session);
    }

    /**
     * Blocks while pinned: sleeps in a class initialiser, which no virtual thread unmounts from.
     */
    @Get("/pins")
    public String pins() {
      return PinsInItsInitialiser.VALUE;
    }
  }

  /** Initialised by the first request to {@code /pins}. */
  static final class PinsInItsInitialiser {
    static final String VALUE;

    static {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      VALUE = "pinned";
    }

    private PinsInItsInitialiser() {}
  }

  private static SnelServer start(Routes routes, ServerConfig config) {
    return SnelServer.start(Snel.create().include(routes), config.port(0).ioThreads(1));
  }

  private static CompletableFuture<TestResponse> inBackground(TestClient client, String target) {
    return CompletableFuture.supplyAsync(() -> client.get(target));
  }

  @Test
  void
      a_handler_runs_on_a_virtual_thread_carried_by_its_event_loop_and_an_offloaded_one_does_not() {
    Routes routes = new Routes();
    try (SnelServer server = start(routes, ServerConfig.defaults())) {
      TestClient client = TestClient.of(server.baseUri());
      String onLoop = client.get("/thread").text().replace("\"", "");
      String offloaded = client.get("/offloaded/thread").text().replace("\"", "");
      // VirtualThread[#id,name]/runnable@carrier
      assertThat(onLoop).startsWith("VirtualThread[").contains(",snel-handler]");
      assertThat(carrier(onLoop)).doesNotContain("ForkJoinPool");
      assertThat(carrier(offloaded)).contains("ForkJoinPool");
    }
  }

  @Test
  void a_websocket_session_runs_on_its_event_loop_unless_offloaded() {
    try (SnelServer server = start(new Routes(), ServerConfig.defaults())) {
      TestClient client = TestClient.of(server.baseUri());
      try (TestWebSocket onLoop = client.webSocket("/ws/thread");
          TestWebSocket offloaded = client.webSocket("/ws/offloaded/thread")) {
        onLoop.sendText("where?");
        offloaded.sendText("where?");
        String loopThread = onLoop.receiveText();
        assertThat(loopThread).startsWith("VirtualThread[");
        assertThat(carrier(loopThread)).doesNotContain("ForkJoinPool");
        assertThat(carrier(offloaded.receiveText())).contains("ForkJoinPool");
      }
    }
  }

  @Test
  void a_websocket_sessions_background_task_leaves_the_loop() throws Exception {
    Routes routes = new Routes();
    try (SnelServer server = start(routes, ServerConfig.defaults())) {
      try (TestWebSocket socket = TestClient.of(server.baseUri()).webSocket("/ws/background")) {
        String task = routes.taskThreads.poll(10, TimeUnit.SECONDS);
        assertThat(task).isNotNull();
        assertThat(carrier(task)).contains("ForkJoinPool");
      }
    }
  }

  @Test
  void behind_middleware_an_unknown_route_is_answered_off_the_loop() {
    BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    Snel app =
        Snel.create()
            .include(new Routes())
            .middleware((request, next) -> next.proceed(request))
            .exceptionHandler(
                HttpException.class,
                (request, e) -> {
                  threads.add(Thread.currentThread().toString());
                  return Response.json(Map.of("detail", "Not Found")).status(e.status());
                });
    try (SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0).ioThreads(1))) {
      TestClient client = TestClient.of(server.baseUri());
      assertThat(client.get("/missing").status()).isEqualTo(404);
      assertThat(carrier(threads.remove())).contains("ForkJoinPool");
      // and a plain route behind the same middleware stays on the loop
      assertThat(carrier(client.get("/thread").text())).doesNotContain("ForkJoinPool");
    }
  }

  @Test
  void the_offloadHandlers_setting_puts_every_handler_on_the_jdks_scheduler() {
    try (SnelServer server = start(new Routes(), ServerConfig.defaults().offloadHandlers(true))) {
      String thread = TestClient.of(server.baseUri()).get("/thread").text().replace("\"", "");
      assertThat(carrier(thread)).contains("ForkJoinPool");
    }
  }

  private static String carrier(String virtualThread) {
    return virtualThread.substring(virtualThread.indexOf('@') + 1);
  }

  @Test
  void an_offloaded_computation_leaves_the_loop_to_its_other_connections() throws Exception {
    Routes routes = new Routes();
    try (SnelServer server = start(routes, ServerConfig.defaults())) {
      TestClient client = TestClient.of(server.baseUri());
      CompletableFuture<TestResponse> spin = inBackground(client, "/offloaded/spin?seconds=20");
      assertThat(routes.spinning.await(10, TimeUnit.SECONDS)).isTrue();
      // the release goes through the same (only) loop while the computation holds a carrier
      assertThat(client.get("/release").text()).isEqualTo("\"released\"");
      assertThat(spin.get(30, TimeUnit.SECONDS).text()).isEqualTo("\"released\"");
    }
  }

  @Test
  void a_computation_on_the_loop_holds_the_loop_which_is_why_offload_exists() throws Exception {
    Routes routes = new Routes();
    try (SnelServer server = start(routes, ServerConfig.defaults())) {
      TestClient client = TestClient.of(server.baseUri());
      CompletableFuture<TestResponse> spin = inBackground(client, "/spin?seconds=1");
      assertThat(routes.spinning.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<TestResponse> release = inBackground(client, "/release");
      // the release is read only once the loop is free again: too late for the computation
      assertThat(spin.get(30, TimeUnit.SECONDS).text()).isEqualTo("\"timed out\"");
      assertThat(release.get(30, TimeUnit.SECONDS).text()).isEqualTo("\"released\"");
    }
  }

  @Test
  void an_offloaded_file_writer_leaves_the_loop_to_its_other_connections(@TempDir Path scratch)
      throws Exception {
    Routes routes = new Routes();
    routes.scratch = scratch;
    try (SnelServer server = start(routes, ServerConfig.defaults())) {
      TestClient client = TestClient.of(server.baseUri());
      CompletableFuture<TestResponse> writer = inBackground(client, "/offloaded/write-file");
      awaitFile(scratch);
      assertThat(client.get("/release").text()).isEqualTo("\"released\"");
      assertThat(writer.get(30, TimeUnit.SECONDS).text()).isEqualTo("\"released\"");
      try (var left = Files.list(scratch)) {
        assertThat(left).isEmpty();
      }
    }
  }

  @Test
  void a_handler_waiting_in_jdbc_frees_its_loop_for_other_connections() throws Exception {
    try (Connection holder = postgres();
        Statement statement = holder.createStatement()) {
      statement.execute("SELECT pg_advisory_lock(42042)");
      Routes routes = new Routes();
      try (SnelServer server = start(routes, ServerConfig.defaults())) {
        TestClient client = TestClient.of(server.baseUri());
        CompletableFuture<TestResponse> waiting = inBackground(client, "/jdbc/lock");
        awaitLockWaiter(statement);
        // the waiting handler's loop answers others, a JDBC round trip included
        assertThat(client.get("/thread").status()).isEqualTo(200);
        assertThat(client.get("/jdbc/now").text()).isEqualTo("\"42\"");
        assertThat(waiting).isNotDone();
        statement.execute("SELECT pg_advisory_unlock(42042)");
        assertThat(waiting.get(30, TimeUnit.SECONDS).text()).isEqualTo("\"locked\"");
      }
    }
  }

  @Test
  void a_handler_waiting_for_an_http_peer_frees_its_loop_for_other_connections() throws Exception {
    try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Routes routes = new Routes();
      routes.slowPeer = URI.create("http://127.0.0.1:" + peer.getLocalPort() + "/");
      try (SnelServer server = start(routes, ServerConfig.defaults())) {
        TestClient client = TestClient.of(server.baseUri());
        CompletableFuture<TestResponse> waiting = inBackground(client, "/http-call");
        try (Socket call = peer.accept()) { // the handler's request has arrived; not answered
          assertThat(client.get("/thread").status()).isEqualTo(200);
          assertThat(waiting).isNotDone();
          call.getInputStream().read(new byte[4096]);
          call.getOutputStream()
              .write(
                  "HTTP/1.1 200 OK\r\ncontent-length: 6\r\nconnection: close\r\n\r\nanswer"
                      .getBytes(StandardCharsets.US_ASCII));
          assertThat(waiting.get(30, TimeUnit.SECONDS).text()).isEqualTo("\"answer\"");
        }
      }
    }
  }

  @Test
  void snels_own_path_jdbc_and_http_calls_do_not_pin_and_a_pinning_handler_is_seen_by_jfr()
      throws Exception {
    Routes routes = new Routes();
    List<RecordedEvent> pinned;
    try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SnelServer server = start(routes, ServerConfig.defaults());
        Recording recording = new Recording()) {
      routes.slowPeer = URI.create("http://127.0.0.1:" + peer.getLocalPort() + "/");
      recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
      recording.start();
      TestClient client = TestClient.of(server.baseUri());
      for (int i = 0; i < 50; i++) {
        assertThat(client.get("/thread").status()).isEqualTo(200);
        assertThat(client.get("/jdbc/now").text()).isEqualTo("\"42\"");
      }
      CompletableFuture<TestResponse> call = inBackground(client, "/http-call");
      try (Socket accepted = peer.accept()) {
        accepted.getInputStream().read(new byte[4096]);
        accepted
            .getOutputStream()
            .write(
                "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok"
                    .getBytes(StandardCharsets.US_ASCII));
        assertThat(call.get(30, TimeUnit.SECONDS).text()).isEqualTo("\"ok\"");
      }
      assertThat(client.get("/pins").text()).isEqualTo("\"pinned\"");
      recording.stop();
      Path dump = Files.createTempFile("pinned", ".jfr");
      try {
        recording.dump(dump);
        pinned = RecordingFile.readAllEvents(dump);
      } finally {
        Files.delete(dump);
      }
    }
    List<String> pinners = new ArrayList<>();
    for (RecordedEvent event : pinned) {
      pinners.add(
          event.getStackTrace() == null
              ? "(no stack)"
              : event.getStackTrace().getFrames().stream()
                  .map(RecordedFrame::getMethod)
                  .map(m -> m.getType().getName() + "." + m.getName())
                  .filter(name -> !name.startsWith("java.") && !name.startsWith("jdk."))
                  .findFirst()
                  .orElse("(JDK only)"));
    }
    // the control: the one handler that blocks while pinned is seen, nothing else is
    assertThat(pinners).isNotEmpty();
    assertThat(pinners).allMatch(name -> name.startsWith(PinsInItsInitialiser.class.getName()));
  }

  private static void awaitFile(Path scratch) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      try (var files = Files.list(scratch)) {
        if (files.findAny().isPresent()) {
          return;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the writer never started");
  }

  private static void awaitLockWaiter(Statement statement) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
        rows.next();
        if (rows.getInt(1) > 0) {
          return;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the handler never waited for the lock");
  }

  private static Connection postgres() {
    try {
      return DriverManager.getConnection(POSTGRES);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL not reachable at " + POSTGRES + ": skipping (" + e + ")");
      throw new AssertionError(e);
    }
  }
}
