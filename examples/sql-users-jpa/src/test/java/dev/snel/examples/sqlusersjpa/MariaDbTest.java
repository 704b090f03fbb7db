package dev.snel.examples.sqlusersjpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/** The example on MariaDB (127.0.0.1:3306, root), in a database of its own. */
class MariaDbTest extends SqlUsersJpaContract {
  static final String ADMIN = "jdbc:mariadb://127.0.0.1:3306/test?user=root&sslMode=disable";
  private final String database = uniqueName();

  @Override
  String databaseUrl() {
    try (Connection connection = DriverManager.getConnection(ADMIN);
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + database);
    } catch (SQLException e) {
      Assumptions.abort("MariaDB not reachable at " + ADMIN + " (" + e.getMessage() + "): skipped");
    }
    return "mysql://root@127.0.0.1:3306/" + database + "?sslMode=disable";
  }

  @Override
  void drop() {
    try (Connection connection = DriverManager.getConnection(ADMIN);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + database);
    } catch (SQLException e) {
      // not reachable: nothing was made
    }
  }
}
