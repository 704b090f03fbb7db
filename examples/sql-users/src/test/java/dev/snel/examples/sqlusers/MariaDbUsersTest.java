package dev.snel.examples.sqlusers;

import org.junit.jupiter.api.BeforeAll;

/** The seed app on MariaDB (MySQL's protocol), in a database of its own. */
class MariaDbUsersTest extends SqlUsersContract {
  @BeforeAll
  static void needsMariaDb() {
    Databases.assumeReachable(Databases.MARIADB, "MariaDB");
  }

  @Override
  Databases.Isolated newDatabase() {
    return Databases.mariadb();
  }
}
