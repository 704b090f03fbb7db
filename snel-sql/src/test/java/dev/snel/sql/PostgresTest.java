package dev.snel.sql;

import org.junit.jupiter.api.BeforeAll;

/** The SQL suite on this machine's PostgreSQL, each test in a schema of its own. */
class PostgresTest extends SqlContract {
  @BeforeAll
  static void needsPostgres() {
    TestDatabase.assumeReachable(TestDatabase.POSTGRES, "PostgreSQL");
  }

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
