package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Depends;
import dev.snel.EventStream;
import dev.snel.Get;
import dev.snel.JsonLines;
import dev.snel.Scope;
import dev.snel.Snel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server-Sent Events and JSON Lines over the real server: events reach the client while the
 * producer still runs, idle streams are pinged, and a client that leaves stops its producer.
 */
class EventStreamServerTest {
  public record Token(String token) {}

  /** What the tests wait for; made anew for each test. */
  static final class Signals {
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch finished = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    final CountDownLatch streamClosed = new CountDownLatch(1);
    final CountDownLatch sessionClosed = new CountDownLatch(1);
    final AtomicInteger sent = new AtomicInteger();
  }

  static volatile Signals signals = new Signals();

  /** A request-scoped resource whose cleanup the tests watch. */
  public static final class Session {
    public static String open(Scope scope) {
      Signals current = signals;
      scope.defer(failure -> current.sessionClosed.countDown());
      return "session";
    }
  }

  public static final class Routes {
    /** One token, then waits for the test (or an interrupt), then another. */
    @Get("/tokens")
    public EventStream<Token> tokens(@Depends(Session.class) String session, long pingMs) {
      Signals current = signals;
      return EventStream.<Token>generate(
              sink -> {
                sink.send(new Token("first"));
                try {
                  current.release.await();
                } catch (InterruptedException e) {
                  current.interrupted.countDown();
                  throw e;
                }
                sink.send(new Token("last"));
                current.finished.countDown();
              })
          .pingEvery(Duration.ofMillis(pingMs))
          .onClose(current.streamClosed::countDown);
    }

    /** Sends as fast as the client reads, forever. */
    @Get("/firehose")
    public EventStream<Token> firehose(@Depends(Session.class) String session) {
      Signals current = signals;
      return EventStream.<Token>generate(
              sink -> {
                try {
                  while (true) {
                    sink.send(new Token("x".repeat(100)));
                    current.sent.incrementAndGet();
                  }
                } finally {
                  current.interrupted.countDown();
                }
              })
          .onClose(current.streamClosed::countDown);
    }

    @Get("/lines")
    public JsonLines<Token> lines(int count) {
      return JsonLines.of(IntStream.range(0, count).mapToObj(i -> new Token("t" + i)));
    }
  }

  private SnelServer server;

  @BeforeEach
  void start() {
    signals = new Signals();
    server = SnelServer.start(Snel.create().include(new Routes()), ServerConfig.defaults().port(0));
  }

  @AfterEach
  void stop() {
    signals.release.countDown();
    server.stop();
  }

  private HttpResponse<Stream<String>> get(String target) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + target)).build(),
        HttpResponse.BodyHandlers.ofLines());
  }

  private static String nextNonEmpty(Iterator<String> lines) {
    String line = "";
    while (line.isEmpty()) {
      line = lines.next();
    }
    return line;
  }

  @Test
  void the_first_event_reaches_the_client_before_the_producer_has_finished() throws Exception {
    HttpResponse<Stream<String>> response = get("/tokens?pingMs=0");

    assertThat(response.headers().firstValue("content-type"))
        .contains("text/event-stream; charset=utf-8");
    assertThat(response.headers().firstValue("cache-control")).contains("no-cache");
    assertThat(response.headers().firstValue("content-length")).isEmpty();
    try (Stream<String> body = response.body()) {
      Iterator<String> lines = body.iterator();
      assertThat(nextNonEmpty(lines)).isEqualTo("data: {\"token\":\"first\"}");
      assertThat(signals.finished.getCount()).isEqualTo(1); // the producer still waits

      signals.release.countDown();
      assertThat(nextNonEmpty(lines)).isEqualTo("data: {\"token\":\"last\"}");
      assertThat(lines.next()).isEmpty();
      assertThat(lines.hasNext()).isFalse();
    }
  }

  @Test
  void an_idle_stream_is_pinged_while_its_producer_is_blocked() throws Exception {
    try (Stream<String> body = get("/tokens?pingMs=50").body()) {
      Iterator<String> lines = body.iterator();
      String first = nextNonEmpty(lines);
      while (first.equals(": ping")) { // a slow start may be pinged too
        first = nextNonEmpty(lines);
      }
      assertThat(first).isEqualTo("data: {\"token\":\"first\"}");
      assertThat(nextNonEmpty(lines)).isEqualTo(": ping"); // the producer is still blocked
      assertThat(nextNonEmpty(lines)).isEqualTo(": ping");

      signals.release.countDown();
      String line = nextNonEmpty(lines);
      while (line.equals(": ping")) {
        line = nextNonEmpty(lines);
      }
      assertThat(line).isEqualTo("data: {\"token\":\"last\"}");
    }
  }

  @Test
  void a_client_that_goes_away_interrupts_the_blocked_producer_and_the_cleanups_run()
      throws Exception {
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.get("/tokens?pingMs=0"));
      readUntil(http, "data: {\"token\":\"first\"}");
    } // the client closes the connection while the producer waits

    Signals after = signals;
    assertThat(after.interrupted.await(1, TimeUnit.SECONDS)).isTrue();
    assertThat(after.streamClosed.await(1, TimeUnit.SECONDS)).isTrue();
    assertThat(after.sessionClosed.await(1, TimeUnit.SECONDS)).isTrue();
    assertThat(after.finished.getCount()).isEqualTo(1);
  }

  @Test
  void a_client_that_stops_reading_and_leaves_stops_a_producer_that_never_waits() throws Exception {
    try (Raw http = Raw.open(server.port())) {
      http.send(Raw.get("/firehose"));
      readUntil(http, "data: {\"token\":\"xxx");
    }

    Signals after = signals;
    assertThat(after.interrupted.await(1, TimeUnit.SECONDS)).isTrue();
    assertThat(after.streamClosed.await(1, TimeUnit.SECONDS)).isTrue();
    assertThat(after.sessionClosed.await(1, TimeUnit.SECONDS)).isTrue();
    int sent = after.sent.get();
    Thread.sleep(100);
    assertThat(after.sent.get()).isEqualTo(sent);
  }

  @Test
  void json_lines_are_chunked_one_line_per_item() throws IOException {
    try (Raw http = Raw.open(server.port())) {
      Raw.Streamed reply = http.send(Raw.get("/lines?count=3")).readStreamed();

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.headers())
          .containsEntry("content-type", "application/x-ndjson")
          .containsEntry("transfer-encoding", "chunked")
          .doesNotContainKey("content-length");
      assertThat(reply.complete()).isTrue();
      assertThat(reply.text())
          .isEqualTo("{\"token\":\"t0\"}\n{\"token\":\"t1\"}\n{\"token\":\"t2\"}\n");
      assertThat(reply.chunks()).hasSize(3);
    }
  }

  private static void readUntil(Raw http, String prefix) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(http.input(), StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.startsWith(prefix)) {
        return;
      }
    }
    throw new AssertionError("the stream ended before " + prefix);
  }
}
