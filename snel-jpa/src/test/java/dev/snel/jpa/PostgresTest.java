package dev.snel.jpa;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/** The contract on PostgreSQL (127.0.0.1:5432, database test): a schema of its own. */
class PostgresTest extends EntityManagersContract {
  static final String URL =
      System.getProperty(
          "snel.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private final String schema = uniqueName();

  @Override
  HikariConfig config() {
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + schema);
    } catch (SQLException e) {
      Assumptions.abort(
          "PostgreSQL not reachable at " + URL + " (" + e.getMessage() + "): skipped");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL + "&currentSchema=" + schema);
    return config;
  }

  @Override
  Jpa unit(Jpa jpa) {
    return jpa.property("hibernate.default_schema", schema);
  }

  @Override
  void dropSchema() throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + schema + " cascade");
    } catch (SQLException e) {
      // not reachable: nothing was made
    }
  }
}
