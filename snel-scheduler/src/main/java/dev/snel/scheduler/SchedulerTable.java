package dev.snel.scheduler;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates db-scheduler's table in PostgreSQL when it is missing. Replicas starting together would
 * race on {@code CREATE TABLE IF NOT EXISTS} (PostgreSQL can then fail on its catalog's unique
 * index), so the creation runs under a transaction-level advisory lock keyed on the table's name.
 */
final class SchedulerTable {
  private SchedulerTable() {}

  static void createIfMissing(DataSource dataSource, String table) {
    String index = table.replace('.', '_');
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "select pg_advisory_xact_lock(hashtext('snel-scheduler-table:" + table + "'))");
        statement.execute(
            "create table if not exists "
                + table
                + " (task_name text not null, task_instance text not null, task_data bytea,"
                + " execution_time timestamp with time zone not null, picked boolean not null,"
                + " picked_by text, last_success timestamp with time zone,"
                + " last_failure timestamp with time zone, consecutive_failures int,"
                + " last_heartbeat timestamp with time zone, version bigint not null,"
                + " priority smallint, primary key (task_name, task_instance))");
        statement.execute(
            "create index if not exists "
                + index
                + "_execution_time_idx on "
                + table
                + " (execution_time)");
        statement.execute(
            "create index if not exists "
                + index
                + "_last_heartbeat_idx on "
                + table
                + " (last_heartbeat)");
        statement.execute(
            "create index if not exists "
                + index
                + "_priority_execution_time_idx on "
                + table
                + " (priority desc, execution_time asc)");
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create the scheduler's table " + table + ": " + e.getMessage(), e);
    }
  }
}
