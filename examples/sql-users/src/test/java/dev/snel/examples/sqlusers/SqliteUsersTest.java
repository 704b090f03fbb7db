package dev.snel.examples.sqlusers;

/** The seed app on a SQLite file. */
class SqliteUsersTest extends SqlUsersContract {
  @Override
  Databases.Isolated newDatabase() {
    return Databases.sqlite();
  }
}
