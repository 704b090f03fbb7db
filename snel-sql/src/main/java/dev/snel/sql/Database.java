package dev.snel.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A database behind a HikariCP pool, with a {@link Jdbi} on it: what SQLAlchemy's engine is to the
 * seed app. Make one per app and let the app close it, usually through {@link Sql#install}:
 *
 * <pre>{@code
 * Sql.install(app, DatabaseConfig.of(System.getenv().getOrDefault("DATABASE_URL",
 *     "sqlite:./sql_app.db")));
 * }</pre>
 *
 * <p>SQLite allows one writer at a time. Rather than let two pooled connections meet on its lock (a
 * deferred transaction that reads and then writes fails at once with {@code SQLITE_BUSY} instead of
 * waiting), the pool of a SQLite database is one connection: requests queue for it in the pool,
 * with the same timeout and 503 as a server's. The file is opened in WAL mode, so another process
 * (the {@code sqlite3} shell, a backup) reads while the app writes, with {@code synchronous=NORMAL}
 * (safe in WAL mode: a power cut may lose the last commits, never corrupt the file), a {@code
 * busy_timeout} of the pool's timeout for locks held by other processes, and foreign keys enforced.
 *
 * <p>Thread-safe: requests on many virtual threads borrow connections at once; a borrower waits,
 * parked, for one to be returned.
 */
public final class Database implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final DatabaseConfig config;
  private final Dialect dialect;
  private final HikariDataSource pool;
  private final Jdbi jdbi;

  private Database(DatabaseConfig config) {
    this.config = config;
    DatabaseUrl url = DatabaseUrl.parse(config.url);
    this.dialect = url.dialect();
    this.pool = new HikariDataSource(hikari(config, url));
    this.jdbi = Jdbi.create(this::connection).installPlugin(new SqlObjectPlugin());
  }

  /** Opens a pool on the database at this URL, with SQLAlchemy's default pool settings. */
  public static Database connect(String url) {
    return connect(DatabaseConfig.of(url));
  }

  /**
   * Opens a pool as configured; it connects at once, so a wrong URL or an unreachable server fails
   * here rather than at the first request.
   */
  public static Database connect(DatabaseConfig config) {
    return new Database(config);
  }

  private static HikariConfig hikari(DatabaseConfig config, DatabaseUrl url) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("snel-sql-" + POOLS.incrementAndGet());
    hikari.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      hikari.setUsername(url.user());
    }
    if (url.password() != null) {
      hikari.setPassword(url.password());
    }
    hikari.setConnectionTimeout(config.timeout.toMillis());
    hikari.setMaxLifetime(config.recycle.toMillis());
    if (url.dialect() == Dialect.SQLITE) {
      hikari.setMaximumPoolSize(1);
      hikari.setMinimumIdle(1);
      hikari.addDataSourceProperty("journal_mode", "WAL");
      hikari.addDataSourceProperty("synchronous", "NORMAL");
      hikari.addDataSourceProperty("busy_timeout", String.valueOf(config.timeout.toMillis()));
      hikari.addDataSourceProperty("foreign_keys", "true");
    } else {
      // HikariCP has no overflow: it grows to maximumPoolSize under load and shrinks back to
      // minimumIdle once the extra connections have been idle for idleTimeout
      hikari.setMaximumPoolSize(config.poolSize + config.maxOverflow);
      hikari.setMinimumIdle(config.poolSize);
      hikari.setIdleTimeout(config.overflowIdleTimeout.toMillis());
    }
    return hikari;
  }

  /** Which database this is. */
  public Dialect dialect() {
    return dialect;
  }

  /** JDBI on this pool, with SQL objects ({@code handle.attach(UserRepository.class)}). */
  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * The pool as a plain {@link DataSource}, for libraries that take one. Its connections are not
   * pre-pinged (see {@link #connection()}).
   */
  public DataSource dataSource() {
    return pool;
  }

  /**
   * The pool's live numbers: active, idle and total connections, and the threads waiting for one.
   */
  public HikariPoolMXBean pool() {
    return pool.getHikariPoolMXBean();
  }

  /**
   * Borrows a connection, pinged first if the config asks for it; close it to return it.
   *
   * @throws DatabaseBusyException if none came free within the configured timeout
   * @throws SQLException if the database could not be reached
   */
  public Connection connection() throws SQLException {
    int attempts = pool.getMaximumPoolSize() + 1;
    for (int attempt = 1; ; attempt++) {
      Connection connection = borrow();
      if (!config.prePing || attempt == attempts || isValid(connection)) {
        return connection;
      }
      pool.evictConnection(connection); // a dead one: closed, and the next borrow opens another
    }
  }

  private Connection borrow() throws SQLException {
    try {
      return pool.getConnection();
    } catch (SQLTransientConnectionException e) {
      throw new DatabaseBusyException(e);
    }
  }

  private boolean isValid(Connection connection) {
    try {
      return connection.isValid(validationSeconds());
    } catch (SQLException e) {
      return false;
    }
  }

  private int validationSeconds() {
    return (int) Math.max(1, Math.min(5, config.timeout.toSeconds()));
  }

  /**
   * Whether the database answers: a connection borrowed and checked with {@code isValid}. False
   * when it does not, or when no connection came free in time.
   */
  public boolean ping() {
    try (Connection connection = pool.getConnection()) {
      return connection.isValid(validationSeconds());
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Runs the Flyway migrations found at these locations ({@code classpath:db/migration} by Flyway's
   * convention) that the database has not had yet.
   */
  public void migrate(String... locations) {
    Flyway.configure().dataSource(pool).locations(locations).load().migrate();
  }

  boolean commitsOnHttpException() {
    return config.commitOnHttpException;
  }

  Duration timeout() {
    return config.timeout;
  }

  /** Closes the pool and its connections. */
  @Override
  public void close() {
    pool.close();
  }
}
