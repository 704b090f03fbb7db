package dev.snel.jpa;

import com.zaxxer.hikari.HikariConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/** The contract on SQLite: a database file of its own in a temporary directory. */
class SqliteTest extends EntityManagersContract {
  private Path dir;

  @Override
  HikariConfig config() {
    try {
      dir = Files.createTempDirectory("snel-jpa");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("sql_app.db"));
    return config;
  }

  @Override
  void dropSchema() throws Exception {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(dir);
  }
}
