package dev.snel.examples.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example on a real server with one I/O thread, so that every connection shares one event loop:
 * what docs/concurrency.md says about where each route runs.
 */
class ConcurrencyServerTest {
  @TempDir Path reports;

  private SnelServer start(IntConsumer progress) {
    return SnelServer.start(
        Main.app(reports, progress), ServerConfig.defaults().port(0).ioThreads(1));
  }

  @Test
  void an_offloaded_prime_count_leaves_the_event_loop_free_for_ping() throws Exception {
    CountDownLatch counting = new CountDownLatch(1);
    AtomicBoolean pinged = new AtomicBoolean();
    AtomicBoolean sawThePing = new AtomicBoolean();
    // At its first progress report the count computes (never parks) until the test has had its
    // /ping answered. On the event loop, /ping could not be read before the 20 s had run out.
    IntConsumer holdUntilPinged =
        n -> {
          if (counting.getCount() == 0) {
            return;
          }
          counting.countDown();
          long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          while (!pinged.get() && System.nanoTime() < end) {
            Thread.onSpinWait();
          }
          sawThePing.set(pinged.get());
        };
    try (SnelServer server = start(holdUntilPinged)) {
      TestClient client = TestClient.of(server.baseUri());
      CompletableFuture<TestResponse> primes =
          CompletableFuture.supplyAsync(() -> client.get("/primes?below=100000"));
      assertThat(counting.await(10, TimeUnit.SECONDS)).isTrue();

      assertThat(client.get("/ping").text()).isEqualTo("\"pong\"");
      pinged.set(true);

      assertThat(primes.get(30, TimeUnit.SECONDS).text())
          .isEqualTo("{\"below\":100000,\"primes\":9592}");
      assertThat(sawThePing).isTrue();
    }
  }

  @Test
  void every_route_answers_and_the_report_leaves_no_file() throws Exception {
    try (SnelServer server = start(n -> {})) {
      TestClient client = TestClient.of(server.baseUri());

      assertThat(client.get("/ping").text()).isEqualTo("\"pong\"");
      assertThat(client.get("/slow?seconds=0").text()).isEqualTo("{\"slept_seconds\":0}");
      assertThat(client.get("/primes?below=100").text()).isEqualTo("{\"below\":100,\"primes\":25}");
      // "n,square\n" then "1,1\n", "2,4\n", "3,9\n"
      assertThat(client.get("/report?rows=3").text()).isEqualTo("{\"rows\":3,\"bytes\":21}");
      try (var left = Files.list(reports)) {
        assertThat(left).isEmpty();
      }
    }
  }

  @Test
  void slow_waits_ten_seconds_at_most() {
    try (SnelServer server = start(n -> {})) {
      TestResponse response = TestClient.of(server.baseUri()).get("/slow?seconds=11");

      assertThat(response.status()).isEqualTo(422);
      assertThat(response.json().get("detail").get(0).get("type").asText())
          .isEqualTo("less_than_equal");
    }
  }
}
