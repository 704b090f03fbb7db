package dev.snel.examples.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MoreJobsTest {
  @Test
  void the_routes_show_the_next_run_and_run_a_job_that_uses_a_session_now() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (TestClient client = TestClient.withLifespan(MoreJobs.app(log))) {
      String next = client.get("/jobs/nightly_report").json().get("next_run").asString();
      ZonedDateTime amsterdam = Instant.parse(next).atZone(ZoneId.of("Europe/Amsterdam"));
      assertThat(amsterdam.getHour()).isEqualTo(3);
      assertThat(amsterdam.getMinute()).isZero();

      assertThat(client.get("/jobs/new_year").json().get("next_run").asString())
          .isEqualTo("2099-01-01T00:00:00Z");

      assertThat(client.post("/jobs/purge/run", Map.of()).json().get("started").asBoolean())
          .isTrue();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
      while (log.size() < 2 && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      assertThat(log).containsExactly("deleted expired rows", "commit");
    }
  }
}
