package dev.snel.examples.sqlusers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own per test: a SQLite file in a temp directory, a PostgreSQL schema or a
 * MariaDB database on this machine's servers, dropped afterwards.
 */
final class Databases {
  static final String POSTGRES =
      System.getProperty(
          "snel.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  static final String MARIADB =
      System.getProperty(
          "snel.test.mariadb", "jdbc:mariadb://127.0.0.1:3306/test?user=root&sslMode=disable");

  /** A database URL for the app (as DATABASE_URL would give it) and how to drop it. */
  record Isolated(String url, Runnable drop) {}

  private Databases() {}

  static String name() {
    return "users_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
  }

  static Isolated sqlite() {
    try {
      Path dir = Files.createTempDirectory("sql-users");
      Path file = dir.resolve("sql_app.db");
      return new Isolated(
          "sqlite:///" + file,
          () -> {
            try {
              for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
              }
              Files.delete(dir);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Isolated postgres() {
    String name = name();
    admin(POSTGRES, "CREATE SCHEMA " + name);
    return new Isolated(
        "postgresql://postgres@127.0.0.1:5432/test?currentSchema=" + name,
        () -> admin(POSTGRES, "DROP SCHEMA " + name + " CASCADE"));
  }

  static Isolated mariadb() {
    String name = name();
    admin(MARIADB, "CREATE DATABASE " + name);
    return new Isolated(
        "mysql://root@127.0.0.1:3306/" + name + "?sslMode=disable",
        () -> admin(MARIADB, "DROP DATABASE " + name));
  }

  static void assumeReachable(String adminUrl, String what) {
    try (Connection connection = DriverManager.getConnection(adminUrl)) {
      connection.isValid(2);
    } catch (SQLException e) {
      Assumptions.abort(what + " not reachable at " + adminUrl + ": " + e.getMessage());
    }
  }

  private static void admin(String adminUrl, String sql) {
    try (Connection connection = DriverManager.getConnection(adminUrl);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
