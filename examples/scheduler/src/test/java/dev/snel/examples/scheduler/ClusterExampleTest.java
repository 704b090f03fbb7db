package dev.snel.examples.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Snel;
import dev.snel.scheduler.ClusterOptions;
import dev.snel.testing.TestClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The cluster variant against this machine's PostgreSQL; skipped when there is none. */
class ClusterExampleTest {
  private static final String URL =
      System.getProperty(
          "snel.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  @Test
  void the_cluster_variant_runs_the_job_from_its_database_table() throws Exception {
    try (Connection connection = DriverManager.getConnection(URL)) {
      connection.isValid(2);
    } catch (SQLException e) {
      Assumptions.abort("PostgreSQL not reachable at " + URL + ": cluster example skipped");
    }
    String table =
        "snel_example_jobs_" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
    ClusterOptions options =
        ClusterOptions.defaults().tableName(table).pollingInterval(Duration.ofMillis(100));
    Snel app = ClusterMain.app(ClusterMain.pool(URL), options, Duration.ofMillis(500));
    try (Console console = new Console()) {
      try (TestClient client = TestClient.withLifespan(app)) {
        assertThat(client.get("/").status()).isEqualTo(200);
        console.awaitLine("Time for cleanup.", 2);
      }
      assertThat(console.lines()).first().isEqualTo("Scheduler started...");
      assertThat(console.lines()).last().isEqualTo("Scheduler stopped.");
    } finally {
      try (Connection connection = DriverManager.getConnection(URL);
          Statement statement = connection.createStatement()) {
        statement.execute("drop table if exists " + table);
      }
    }
  }
}
