package dev.snel.examples.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerExampleTest {
  private static final Duration OFTEN = Duration.ofMillis(100);

  private static void assertConsole(List<String> lines) {
    assertThat(lines).first().isEqualTo("Scheduler started...");
    assertThat(lines).last().isEqualTo("Scheduler stopped.");
    assertThat(lines.subList(1, lines.size() - 1))
        .containsOnly("Time for cleanup.")
        .hasSizeGreaterThanOrEqualTo(2);
  }

  private static void assertRoot(TestResponse response) {
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(TestClient.json("{\"message\": \"The app is running, check the console\"}"));
  }

  @Test
  void the_lifespan_starts_the_scheduler_the_job_prints_and_the_shutdown_stops_it()
      throws Exception {
    Snel app = Main.app(OFTEN);
    try (Console console = new Console()) {
      try (TestClient client = TestClient.withLifespan(app)) {
        assertThat(console.lines()).startsWith("Scheduler started...");
        assertRoot(client.get("/"));
        console.awaitLine("Time for cleanup.", 2);
      }
      assertConsole(console.lines());
    }
  }

  @Test
  void the_real_server_starts_and_stops_the_scheduler_with_it() throws Exception {
    Snel app = Main.app(OFTEN);
    try (Console console = new Console()) {
      try (SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0))) {
        assertRoot(TestClient.of(server.baseUri()).get("/"));
        console.awaitLine("Time for cleanup.", 2);
      }
      assertConsole(console.lines());
    }
  }

  @Test
  void by_default_the_cleanup_runs_once_a_day() {
    assertThat(Main.cleanupEvery()).isEqualTo(Duration.ofDays(1));
  }
}
