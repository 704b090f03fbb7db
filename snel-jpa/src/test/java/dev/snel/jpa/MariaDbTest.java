package dev.snel.jpa;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/** The contract on MariaDB (127.0.0.1:3306, root): a database of its own. */
class MariaDbTest extends EntityManagersContract {
  static final String SERVER =
      System.getProperty("snel.test.mariadb", "jdbc:mariadb://127.0.0.1:3306/");
  static final String USER = "?user=root&sslMode=disable";
  private final String database = uniqueName();

  @Override
  HikariConfig config() {
    try (Connection connection = DriverManager.getConnection(SERVER + "test" + USER);
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + database);
    } catch (SQLException e) {
      Assumptions.abort(
          "MariaDB not reachable at " + SERVER + " (" + e.getMessage() + "): skipped");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(SERVER + database + USER);
    return config;
  }

  @Override
  void dropSchema() {
    try (Connection connection = DriverManager.getConnection(SERVER + "test" + USER);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + database);
    } catch (SQLException e) {
      // not reachable: nothing was made
    }
  }
}
