package dev.snel.sql;

import org.junit.jupiter.api.BeforeAll;

/** The SQL suite on this machine's MariaDB, each test in a database of its own. */
class MariaDbTest extends SqlContract {
  @BeforeAll
  static void needsMariaDb() {
    TestDatabase.assumeReachable(TestDatabase.MARIADB, "MariaDB");
  }

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.mariadb();
  }
}
