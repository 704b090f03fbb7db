package dev.snel.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cluster mode against the PostgreSQL of this machine, with replicas in JVMs of their own ({@link
 * ClusterNode}). Tables get a random suffix and are dropped afterwards. Without a reachable
 * database the tests are skipped.
 */
class ClusterTest {
  private static final String URL =
      System.getProperty(
          "snel.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private static final String SUFFIX =
      Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
  private static final List<String> TABLES = new ArrayList<>();

  private final List<Process> nodes = new ArrayList<>();

  @BeforeAll
  static void needsPostgres() {
    try (Connection connection = DriverManager.getConnection(URL)) {
      connection.isValid(2);
    } catch (SQLException e) {
      Assumptions.abort(
          "PostgreSQL not reachable at "
              + URL
              + " ("
              + e.getMessage()
              + "): cluster tests skipped");
    }
  }

  @AfterEach
  void stopNodes() throws InterruptedException {
    for (Process node : nodes) {
      node.destroyForcibly();
      node.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void dropTables() throws SQLException {
    if (TABLES.isEmpty()) {
      return; // skipped, or nothing made
    }
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.execute("drop table if exists " + table);
      }
    }
  }

  @Test
  void three_replicas_run_each_tick_of_a_job_every_second_exactly_once() throws Exception {
    String table = table("snel_sched_ticks_");
    String runs = runsTable("snel_sched_tick_runs_");

    List<Process> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      started.add(startNode(Map.of("table", table, "runs", runs, "scenario", "tick"), i));
    }
    for (Process node : started) {
      awaitReady(node);
    }
    Thread.sleep(6_000);
    for (Process node : started) {
      node.destroy(); // SIGTERM: the app closes, the scheduler waits for its running job
    }
    for (Process node : started) {
      assertThat(node.waitFor(20, TimeUnit.SECONDS)).as("a replica stops on SIGTERM").isTrue();
    }

    Map<Instant, Integer> perTick = new LinkedHashMap<>();
    Map<Long, Integer> perReplica = new HashMap<>();
    query(
        "select due, pid from " + runs + " where job = 'tick' order by due",
        row -> {
          perTick.merge(row.getTimestamp(1).toInstant(), 1, Integer::sum);
          perReplica.merge(row.getLong(2), 1, Integer::sum);
        });
    System.out.println("runs per replica: " + perReplica + "; ticks: " + perTick.size());

    assertThat(perTick).as("ticks run").hasSizeGreaterThanOrEqualTo(4);
    assertThat(perTick.values()).as("runs of each tick").containsOnly(1);
    assertThat(perTick.keySet())
        .as("ticks on the job's one-second grid")
        .allSatisfy(due -> assertThat(due.getNano()).isZero());
  }

  @Test
  void a_run_whose_replica_dies_is_run_again_by_another_after_its_heartbeats_stop()
      throws Exception {
    String table = table("snel_sched_slow_");
    String runs = runsTable("snel_sched_slow_runs_");
    Instant at = Instant.now().plusSeconds(3);

    Map<String, String> properties =
        Map.of("table", table, "runs", runs, "scenario", "slow", "at", at.toString());
    Map<Long, Process> byPid = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      Process node = startNode(properties, i);
      byPid.put(node.pid(), node);
    }
    for (Process node : byPid.values()) {
      awaitReady(node);
    }

    long first = awaitPid(runs, "started", 1);
    byPid.get(first).destroyForcibly(); // dies mid-run: no "finished", no heartbeats
    long second = awaitPid(runs, "finished", 1);

    assertThat(second).as("finished by the other replica").isNotEqualTo(first);
    assertThat(count(runs, "started")).isEqualTo(2);
    Thread.sleep(1_000);
    assertThat(count(runs, "finished")).as("the job completed once").isEqualTo(1);
  }

  @Test
  void in_a_cluster_the_next_run_is_visible_run_now_runs_and_a_failing_job_keeps_its_schedule()
      throws Exception {
    org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
    dataSource.setUrl(URL);
    dev.snel.Snel app = dev.snel.Snel.create();
    Scheduler scheduler =
        Scheduler.cluster(
            app,
            dataSource,
            ClusterOptions.defaults()
                .tableName(table("snel_sched_api_"))
                .pollingInterval(java.time.Duration.ofMillis(100)));
    java.util.concurrent.BlockingQueue<String> runs =
        new java.util.concurrent.LinkedBlockingQueue<>();
    Instant newYear = Instant.parse("2099-01-01T00:00:00Z");
    scheduler.add("report", Trigger.date(newYear), run -> runs.add("report"));
    scheduler.add(
        "flaky",
        Trigger.interval(java.time.Duration.ofMillis(300)),
        run -> {
          runs.add("flaky");
          throw new IllegalStateException("the disk is full");
        });
    app.lifespan(scheduler);

    try (dev.snel.testing.TestClient client = dev.snel.testing.TestClient.withLifespan(app)) {
      assertThat(scheduler.nextRun("report")).contains(newYear);
      assertThat(scheduler.runNow("report")).isTrue();
      List<String> seen = new ArrayList<>();
      Instant deadline = Instant.now().plusSeconds(15);
      while (Instant.now().isBefore(deadline)
          && !(seen.contains("report") && seen.stream().filter("flaky"::equals).count() >= 3)) {
        String run = runs.poll(100, TimeUnit.MILLISECONDS);
        if (run != null) {
          seen.add(run);
        }
      }
      assertThat(seen).contains("report");
      assertThat(seen.stream().filter("flaky"::equals).count()).isGreaterThanOrEqualTo(3);
      assertThat(scheduler.nextRun("report"))
          .as("run now leaves the date to come")
          .contains(newYear);
    }
  }

  private static String table(String prefix) {
    String name = prefix + SUFFIX;
    TABLES.add(name);
    return name;
  }

  private static String runsTable(String prefix) throws SQLException {
    String name = table(prefix);
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "create table "
              + name
              + " (job text not null, due timestamptz not null, pid bigint not null,"
              + " phase text not null, at timestamptz not null default clock_timestamp())");
    }
    return name;
  }

  private Process startNode(Map<String, String> properties, int index) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx96m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Durl=" + URL);
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ClusterNode.class.getName());
    Path log =
        Path.of("target", "cluster-node-" + properties.get("scenario") + "-" + index + ".log");
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log.toFile())).start();
    nodes.add(process);
    return process;
  }

  private static void awaitReady(Process node) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.equals("READY")) {
        return;
      }
    }
    throw new IllegalStateException("a replica ended before it was ready; see target/*.log");
  }

  /** The pid of the first run in that phase, waiting up to 30 seconds for it. */
  private static long awaitPid(String runs, String phase, int ordinal) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      List<Long> pids = new ArrayList<>();
      query(
          "select pid from " + runs + " where phase = '" + phase + "' order by at",
          row -> pids.add(row.getLong(1)));
      if (pids.size() >= ordinal) {
        return pids.get(ordinal - 1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no '" + phase + "' run within 30 seconds");
  }

  private static int count(String runs, String phase) throws SQLException {
    int[] count = {0};
    query(
        "select count(*) from " + runs + " where phase = '" + phase + "'",
        row -> count[0] = row.getInt(1));
    return count[0];
  }

  private interface Row {
    void read(ResultSet row) throws SQLException;
  }

  private static void query(String sql, Row reader) throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        reader.read(rows);
      }
    }
  }
}
