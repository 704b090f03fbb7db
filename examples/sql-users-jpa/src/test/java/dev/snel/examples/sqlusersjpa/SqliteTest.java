package dev.snel.examples.sqlusersjpa;

import java.nio.file.Files;
import java.nio.file.Path;

/** The example on a SQLite file of its own. */
class SqliteTest extends SqlUsersJpaContract {
  private Path dir;

  @Override
  String databaseUrl() {
    try {
      dir = Files.createTempDirectory("sql-users-jpa");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return "sqlite:" + dir.resolve("sql_app.db");
  }

  @Override
  void drop() throws Exception {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(dir);
  }
}
