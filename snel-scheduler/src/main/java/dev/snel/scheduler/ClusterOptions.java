package dev.snel.scheduler;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the replicas of a {@linkplain Scheduler#cluster(dev.snel.Snel, javax.sql.DataSource,
 * ClusterOptions) cluster scheduler} share their database. Immutable; each method returns a changed
 * copy.
 *
 * <pre>{@code
 * ClusterOptions.defaults()
 *     .tableName("scheduled_tasks")
 *     .pollingInterval(Duration.ofSeconds(1))
 *     .heartbeatInterval(Duration.ofSeconds(10))
 *     .missedHeartbeats(6)     // a replica silent for a minute is dead: its runs are run again
 * }</pre>
 */
public final class ClusterOptions {
  private static final Pattern TABLE_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private final String tableName;
  private final boolean createTable;
  private final Duration pollingInterval;
  private final Duration heartbeatInterval;
  private final int missedHeartbeats;
  private final int threads;
  private final Duration shutdownWait;
  private final String replicaName;

  private ClusterOptions(
      String tableName,
      boolean createTable,
      Duration pollingInterval,
      Duration heartbeatInterval,
      int missedHeartbeats,
      int threads,
      Duration shutdownWait,
      String replicaName) {
    this.tableName = tableName;
    this.createTable = createTable;
    this.pollingInterval = pollingInterval;
    this.heartbeatInterval = heartbeatInterval;
    this.missedHeartbeats = missedHeartbeats;
    this.threads = threads;
    this.shutdownWait = shutdownWait;
    this.replicaName = replicaName;
  }

  /**
   * Table {@code scheduled_tasks}, created if missing; the database polled every 10 seconds; a
   * heartbeat every 5 minutes, a replica dead after 6 missed ones (db-scheduler's defaults); 10
   * runs at once per replica; 30 seconds to finish running jobs at shutdown; the replica named
   * after its host and process id.
   */
  public static ClusterOptions defaults() {
    return new ClusterOptions(
        "scheduled_tasks",
        true,
        Duration.ofSeconds(10),
        Duration.ofMinutes(5),
        6,
        10,
        Duration.ofSeconds(30),
        defaultReplicaName());
  }

  /**
   * The table of scheduled executions, optionally schema-qualified ({@code jobs.scheduled_tasks}).
   *
   * @throws IllegalArgumentException if it is not a plain SQL identifier
   */
  public ClusterOptions tableName(String tableName) {
    if (!TABLE_NAME.matcher(tableName).matches()) {
      throw new IllegalArgumentException(
          "a table name is an SQL identifier, optionally with a schema: " + tableName);
    }
    return copy(tableName, createTable, pollingInterval, heartbeatInterval, missedHeartbeats);
  }

  /**
   * Whether the scheduler creates its table (PostgreSQL) when it starts and the table is missing;
   * on by default. Turn it off when migrations create it.
   */
  public ClusterOptions createTable(boolean create) {
    return copy(tableName, create, pollingInterval, heartbeatInterval, missedHeartbeats);
  }

  /** How often a replica looks for due runs: the most a run can start late on an idle cluster. */
  public ClusterOptions pollingInterval(Duration interval) {
    return copy(tableName, createTable, positive(interval), heartbeatInterval, missedHeartbeats);
  }

  /** How often a replica running a job tells the database it is alive. */
  public ClusterOptions heartbeatInterval(Duration interval) {
    return copy(tableName, createTable, pollingInterval, positive(interval), missedHeartbeats);
  }

  /**
   * After how many missed heartbeats a running job's replica counts as dead, and another replica
   * runs the job again. The time this takes, heartbeat interval × missed heartbeats, must be longer
   * than any pause of a live replica (a long GC), or a job can run twice. At least 4
   * (db-scheduler's floor).
   *
   * @throws IllegalArgumentException if less than 4
   */
  public ClusterOptions missedHeartbeats(int count) {
    if (count < 4) {
      throw new IllegalArgumentException("missed heartbeats must be at least 4, not " + count);
    }
    return copy(tableName, createTable, pollingInterval, heartbeatInterval, count);
  }

  /** How many runs one replica takes on at once (each on a virtual thread). */
  public ClusterOptions threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    ClusterOptions copy =
        copy(tableName, createTable, pollingInterval, heartbeatInterval, missedHeartbeats);
    return new ClusterOptions(
        copy.tableName,
        copy.createTable,
        copy.pollingInterval,
        copy.heartbeatInterval,
        copy.missedHeartbeats,
        threads,
        shutdownWait,
        replicaName);
  }

  /** How long stopping waits for running jobs before it interrupts them. */
  public ClusterOptions shutdownWait(Duration wait) {
    if (wait.isNegative()) {
      throw new IllegalArgumentException("a shutdown wait cannot be negative");
    }
    return new ClusterOptions(
        tableName,
        createTable,
        pollingInterval,
        heartbeatInterval,
        missedHeartbeats,
        threads,
        wait,
        replicaName);
  }

  /** The name this replica writes next to the runs it has picked (for people reading the table). */
  public ClusterOptions replicaName(String name) {
    return new ClusterOptions(
        tableName,
        createTable,
        pollingInterval,
        heartbeatInterval,
        missedHeartbeats,
        threads,
        shutdownWait,
        Objects.requireNonNull(name, "name"));
  }

  /** The table of scheduled executions. */
  public String tableName() {
    return tableName;
  }

  /** Whether the table is created when missing. */
  public boolean createTable() {
    return createTable;
  }

  /** How often the database is polled for due runs. */
  public Duration pollingInterval() {
    return pollingInterval;
  }

  /** How often a busy replica sends a heartbeat. */
  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /** Missed heartbeats after which a replica counts as dead. */
  public int missedHeartbeats() {
    return missedHeartbeats;
  }

  /** Runs taken on at once per replica. */
  public int threads() {
    return threads;
  }

  /** How long stopping waits for running jobs. */
  public Duration shutdownWait() {
    return shutdownWait;
  }

  /** This replica's name in the table. */
  public String replicaName() {
    return replicaName;
  }

  private ClusterOptions copy(
      String tableName,
      boolean createTable,
      Duration pollingInterval,
      Duration heartbeatInterval,
      int missedHeartbeats) {
    return new ClusterOptions(
        tableName,
        createTable,
        pollingInterval,
        heartbeatInterval,
        missedHeartbeats,
        threads,
        shutdownWait,
        replicaName);
  }

  private static Duration positive(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("must be positive: " + duration);
    }
    return duration;
  }

  private static String defaultReplicaName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown-host";
    }
    return host + ":" + ProcessHandle.current().pid();
  }
}
