package dev.snel.examples.sqlusers;

import org.junit.jupiter.api.BeforeAll;

/** The seed app on PostgreSQL, in a schema of its own. */
class PostgresUsersTest extends SqlUsersContract {
  @BeforeAll
  static void needsPostgres() {
    Databases.assumeReachable(Databases.POSTGRES, "PostgreSQL");
  }

  @Override
  Databases.Isolated newDatabase() {
    return Databases.postgres();
  }
}
