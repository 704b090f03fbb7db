package dev.snel.examples.sqlusersjpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/** The example on PostgreSQL (127.0.0.1:5432, database test), in a schema of its own. */
class PostgresTest extends SqlUsersJpaContract {
  static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private final String schema = uniqueName();

  @Override
  String databaseUrl() {
    try (Connection connection = DriverManager.getConnection(ADMIN);
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + schema);
    } catch (SQLException e) {
      Assumptions.abort(
          "PostgreSQL not reachable at " + ADMIN + " (" + e.getMessage() + "): skipped");
    }
    return "postgresql://postgres@127.0.0.1:5432/test?currentSchema=" + schema;
  }

  @Override
  void drop() {
    try (Connection connection = DriverManager.getConnection(ADMIN);
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + schema + " cascade");
    } catch (SQLException e) {
      // not reachable: nothing was made
    }
  }
}
