package dev.snel.sql;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach a database and how to pool its connections: SQLAlchemy's {@code create_engine}
 * arguments, each mapped onto HikariCP. Immutable; every method returns a changed copy.
 *
 * <pre>{@code
 * DatabaseConfig config = DatabaseConfig.of("postgresql://app@db:5432/shop")
 *     .poolSize(10)                         // pool_size=10
 *     .maxOverflow(20)                      // max_overflow=20
 *     .prePing(true)                        // pool_pre_ping=True
 *     .recycle(Duration.ofMinutes(30))      // pool_recycle=1800
 *     .timeout(Duration.ofSeconds(5));      // pool_timeout=5
 * }</pre>
 *
 * <table>
 *   <caption>SQLAlchemy's settings and what Snel makes of them</caption>
 *   <tr><th>SQLAlchemy</th><th>here</th><th>HikariCP</th></tr>
 *   <tr><td>pool_size (5)</td><td>{@link #poolSize(int)}</td><td>minimumIdle, and part of
 *       maximumPoolSize</td></tr>
 *   <tr><td>max_overflow (10)</td><td>{@link #maxOverflow(int)}</td><td>maximumPoolSize = pool_size
 *       + max_overflow; the connections above minimumIdle close after {@link
 *       #overflowIdleTimeout(Duration)} idle</td></tr>
 *   <tr><td>pool_pre_ping (False)</td><td>{@link #prePing(boolean)}</td><td>{@code
 *       Connection.isValid} on every borrow, a dead connection evicted and another taken</td></tr>
 *   <tr><td>pool_recycle (-1)</td><td>{@link #recycle(Duration)}</td><td>maxLifetime (HikariCP's
 *       default, 30 minutes, unless set)</td></tr>
 *   <tr><td>pool_timeout (30)</td><td>{@link #timeout(Duration)}</td><td>connectionTimeout; when
 *       it passes the request is answered 503</td></tr>
 * </table>
 *
 * <p>SQLite has one writer at a time, so its pool is one connection whatever the sizes say (see
 * {@link Database}).
 */
public final class DatabaseConfig {
  final String url;
  final int poolSize;
  final int maxOverflow;
  final boolean prePing;
  final Duration recycle;
  final Duration timeout;
  final Duration overflowIdleTimeout;
  final boolean commitOnHttpException;
  final List<String> migrations;

  private DatabaseConfig(
      String url,
      int poolSize,
      int maxOverflow,
      boolean prePing,
      Duration recycle,
      Duration timeout,
      Duration overflowIdleTimeout,
      boolean commitOnHttpException,
      List<String> migrations) {
    this.url = url;
    this.poolSize = poolSize;
    this.maxOverflow = maxOverflow;
    this.prePing = prePing;
    this.recycle = recycle;
    this.timeout = timeout;
    this.overflowIdleTimeout = overflowIdleTimeout;
    this.commitOnHttpException = commitOnHttpException;
    this.migrations = List.copyOf(migrations);
  }

  /**
   * A database URL with SQLAlchemy's defaults: 5 pooled connections, 10 more in a burst, no
   * pre-ping, a 30 second wait for a connection. The URL is SQLAlchemy's ({@code
   * sqlite:///./sql_app.db}, {@code postgresql://user:secret@host:5432/db}, {@code
   * mysql://root@host/db}), the short {@code sqlite:./sql_app.db}, or a JDBC URL.
   */
  public static DatabaseConfig of(String url) {
    return new DatabaseConfig(
        Objects.requireNonNull(url, "url"),
        5,
        10,
        false,
        Duration.ofMinutes(30),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        false,
        List.of());
  }

  private DatabaseConfig copy(
      int poolSize,
      int maxOverflow,
      boolean prePing,
      Duration recycle,
      Duration timeout,
      Duration overflowIdleTimeout,
      boolean commitOnHttpException,
      List<String> migrations) {
    return new DatabaseConfig(
        url,
        poolSize,
        maxOverflow,
        prePing,
        recycle,
        timeout,
        overflowIdleTimeout,
        commitOnHttpException,
        migrations);
  }

  /** Connections kept open (SQLAlchemy's {@code pool_size}, at least 1). */
  public DatabaseConfig poolSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1, got " + size);
    }
    return copy(
        size,
        maxOverflow,
        prePing,
        recycle,
        timeout,
        overflowIdleTimeout,
        commitOnHttpException,
        migrations);
  }

  /**
   * Connections opened above the pool size when requests need them (SQLAlchemy's {@code
   * max_overflow}). SQLAlchemy closes an overflow connection as soon as it is returned; HikariCP
   * cannot, so it keeps them until they have been idle for {@link #overflowIdleTimeout(Duration)}.
   */
  public DatabaseConfig maxOverflow(int overflow) {
    if (overflow < 0) {
      throw new IllegalArgumentException("maxOverflow must not be negative, got " + overflow);
    }
    return copy(
        poolSize,
        overflow,
        prePing,
        recycle,
        timeout,
        overflowIdleTimeout,
        commitOnHttpException,
        migrations);
  }

  /**
   * Checks each connection with {@code Connection.isValid} when it is borrowed, replacing one the
   * server dropped (SQLAlchemy's {@code pool_pre_ping}). Without it HikariCP still checks a
   * connection that has been idle for more than half a second; this closes that window at the cost
   * of one round trip per borrow.
   */
  public DatabaseConfig prePing(boolean prePing) {
    return copy(
        poolSize,
        maxOverflow,
        prePing,
        recycle,
        timeout,
        overflowIdleTimeout,
        commitOnHttpException,
        migrations);
  }

  /**
   * The longest a connection lives before it is replaced (SQLAlchemy's {@code pool_recycle};
   * HikariCP's {@code maxLifetime}, at least 30 seconds). Keep it below the server's or a proxy's
   * idle cut-off.
   */
  public DatabaseConfig recycle(Duration maxLifetime) {
    return copy(
        poolSize,
        maxOverflow,
        prePing,
        maxLifetime,
        timeout,
        overflowIdleTimeout,
        commitOnHttpException,
        migrations);
  }

  /**
   * How long a request waits for a connection when all are in use (SQLAlchemy's {@code
   * pool_timeout}; HikariCP's {@code connectionTimeout}, at least 250 ms) before it is answered
   * 503. On SQLite it is also the {@code busy_timeout} for locks held by other processes.
   */
  public DatabaseConfig timeout(Duration timeout) {
    return copy(
        poolSize,
        maxOverflow,
        prePing,
        recycle,
        timeout,
        overflowIdleTimeout,
        commitOnHttpException,
        migrations);
  }

  /**
   * How long a connection above the pool size may stay idle before it is closed (HikariCP's {@code
   * idleTimeout}, at least 10 seconds; one minute unless set).
   */
  public DatabaseConfig overflowIdleTimeout(Duration idle) {
    return copy(
        poolSize, maxOverflow, prePing, recycle, timeout, idle, commitOnHttpException, migrations);
  }

  /**
   * Whether a handler that throws an {@link dev.snel.HttpException} still commits what it wrote;
   * false by default: any exception rolls the request's transaction back.
   */
  public DatabaseConfig commitOnHttpException(boolean commit) {
    return copy(
        poolSize, maxOverflow, prePing, recycle, timeout, overflowIdleTimeout, commit, migrations);
  }

  /**
   * Flyway locations ({@code classpath:db/migration}, {@code filesystem:sql}) migrated when the app
   * starts, before the first request (see {@link Sql#install}).
   */
  public DatabaseConfig migrations(String... locations) {
    return copy(
        poolSize,
        maxOverflow,
        prePing,
        recycle,
        timeout,
        overflowIdleTimeout,
        commitOnHttpException,
        List.of(locations));
  }
}
