package dev.snel.examples.scheduler;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.snel.Snel;
import dev.snel.netty.SnelServer;
import dev.snel.scheduler.ClusterOptions;
import dev.snel.scheduler.Scheduler;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The same app for several replicas behind a load balancer: the scheduler keeps its jobs in the
 * PostgreSQL database at {@code DATABASE_URL} (a JDBC URL, e.g. {@code
 * jdbc:postgresql://db:5432/app?user=app&password=secret}), and each cleanup runs on one replica.
 */
public final class ClusterMain {
  private ClusterMain() {}

  /**
   * The app, its scheduler on the database behind {@code dataSource}. The data source is provided
   * to the app, which closes it (a pool) after the scheduler has stopped.
   */
  public static Snel app(DataSource dataSource, ClusterOptions options, Duration cleanupEvery) {
    Snel app = Snel.create();
    app.provide(DataSource.class, dataSource);
    return Main.withJobs(app, Scheduler.cluster(app, dataSource, options), cleanupEvery);
  }

  /** A pool of connections for the scheduler, closed with the app. */
  static HikariDataSource pool(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(4);
    config.setPoolName("scheduler");
    return new HikariDataSource(config);
  }

  /** Serves the app; needs {@code DATABASE_URL}. */
  public static void main(String[] args) {
    String url = System.getenv("DATABASE_URL");
    if (url == null || url.isBlank()) {
      System.err.println("Set DATABASE_URL to a JDBC URL of a PostgreSQL database");
      System.exit(2);
      return;
    }
    ClusterOptions options = ClusterOptions.defaults().pollingInterval(Duration.ofSeconds(1));
    SnelServer.run(app(pool(url), options, Main.cleanupEvery()));
  }
}
