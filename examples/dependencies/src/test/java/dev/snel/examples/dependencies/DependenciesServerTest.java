package dev.snel.examples.dependencies;

import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import org.junit.jupiter.api.AutoClose;

class DependenciesServerTest extends DependenciesBehaviour {
  private static final Database database = new Database();
  private static final Snel app = Main.app(database);

  @AutoClose
  private static final SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0));

  private static final TestClient client = TestClient.of(server.baseUri());

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
