package dev.snel.sql;

/** The SQL suite on a SQLite file. */
class SqliteTest extends SqlContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
