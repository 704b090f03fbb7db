package dev.snel.scheduler;

import dev.snel.Snel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One replica of the cluster tests, in a JVM of its own: an app whose cluster scheduler runs the
 * jobs that {@link ClusterTest} checks, each recording its runs in a table. It prints {@code READY}
 * once started, and stops its app on SIGTERM.
 *
 * <p>Properties: {@code url} (JDBC), {@code table} (the scheduler's), {@code runs} (the record),
 * {@code scenario} ({@code tick}: a job every second; {@code slow}: one slow run at {@code at}).
 */
final class ClusterNode {
  private ClusterNode() {}

  static final Instant GRID = Instant.parse("2020-01-01T00:00:00Z");

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(System.getProperty("url"));
    String runs = System.getProperty("runs");
    long pid = ProcessHandle.current().pid();

    Snel app = Snel.create();
    Scheduler scheduler =
        Scheduler.cluster(
            app,
            dataSource,
            ClusterOptions.defaults()
                .tableName(System.getProperty("table"))
                .pollingInterval(Duration.ofMillis(100))
                .heartbeatInterval(Duration.ofMillis(250))
                .missedHeartbeats(4)
                .shutdownWait(Duration.ofSeconds(5))
                .replicaName("node-" + pid));
    switch (System.getProperty("scenario")) {
      case "tick" ->
          scheduler.add(
              "tick",
              Trigger.interval(Duration.ofSeconds(1), GRID),
              run -> record(dataSource, runs, "tick", run.scheduledTime(), pid, "done"));
      case "slow" ->
          scheduler.add(
              "slow",
              Trigger.date(Instant.parse(System.getProperty("at"))),
              run -> {
                record(dataSource, runs, "slow", run.scheduledTime(), pid, "started");
                Thread.sleep(4_000);
                record(dataSource, runs, "slow", run.scheduledTime(), pid, "finished");
              });
      default -> throw new IllegalArgumentException("scenario?");
    }
    app.lifespan(scheduler);
    app.start();
    Runtime.getRuntime().addShutdownHook(new Thread(app::close));
    System.out.println("READY");
    System.out.flush();
    Thread.currentThread().join();
  }

  private static void record(
      DataSource dataSource, String runs, String job, Instant due, long pid, String phase)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into " + runs + " (job, due, pid, phase) values (?, ?, ?, ?)")) {
      insert.setString(1, job);
      insert.setTimestamp(2, Timestamp.from(due));
      insert.setLong(3, pid);
      insert.setString(4, phase);
      insert.executeUpdate();
    }
  }
}
