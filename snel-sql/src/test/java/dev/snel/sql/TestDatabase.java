package dev.snel.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own for one test: a temp SQLite file, a PostgreSQL schema or a MariaDB database
 * with a random name on this machine's servers, dropped by {@link #drop()}. The servers are found
 * at {@code snel.test.postgres} / {@code snel.test.mariadb} (JDBC URLs of an admin connection); a
 * test of a server that does not answer is skipped with one line.
 */
abstract class TestDatabase {
  static final String POSTGRES =
      System.getProperty(
          "snel.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  static final String MARIADB =
      System.getProperty(
          "snel.test.mariadb", "jdbc:mariadb://127.0.0.1:3306/test?user=root&sslMode=disable");

  final String name = "snel_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);

  /** The URL the app is given, in the form a user writes. */
  abstract String url();

  abstract void drop();

  static TestDatabase sqlite() {
    try {
      Path dir = Files.createTempDirectory("snel-sql");
      return new TestDatabase() {
        @Override
        String url() {
          return "sqlite:" + dir.resolve("app.db");
        }

        @Override
        void drop() {
          try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(file);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TestDatabase postgres() {
    TestDatabase db =
        new TestDatabase() {
          @Override
          String url() {
            return "postgresql://postgres@127.0.0.1:5432/test?currentSchema="
                + name
                + "&ApplicationName="
                + name;
          }

          @Override
          void drop() {
            admin(POSTGRES, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
          }
        };
    admin(POSTGRES, "CREATE SCHEMA " + db.name);
    return db;
  }

  static TestDatabase mariadb() {
    TestDatabase db =
        new TestDatabase() {
          @Override
          String url() {
            return "mysql://root@127.0.0.1:3306/" + name + "?sslMode=disable";
          }

          @Override
          void drop() {
            admin(MARIADB, "DROP DATABASE IF EXISTS " + name);
          }
        };
    admin(MARIADB, "CREATE DATABASE " + db.name);
    return db;
  }

  /** Skips the calling test class with one line when the server does not answer. */
  static void assumeReachable(String adminUrl, String what) {
    try (Connection connection = DriverManager.getConnection(adminUrl)) {
      connection.isValid(2);
    } catch (SQLException e) {
      Assumptions.abort(what + " not reachable at " + adminUrl + ": " + e.getMessage());
    }
  }

  static void admin(String adminUrl, String sql) {
    try (Connection connection = DriverManager.getConnection(adminUrl);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
