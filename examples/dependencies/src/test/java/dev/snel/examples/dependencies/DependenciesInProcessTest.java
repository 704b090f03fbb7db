package dev.snel.examples.dependencies;

import dev.snel.Snel;
import dev.snel.testing.TestClient;

class DependenciesInProcessTest extends DependenciesBehaviour {
  private final Database database = new Database();
  private final Snel app = Main.app(database);
  private final TestClient client = TestClient.of(app);

  @Override
  TestClient client() {
    return client;
  }

  @Override
  Snel app() {
    return app;
  }

  @Override
  Database database() {
    return database;
  }
}
