package dev.snel.examples.pathparams;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PathParamsServerTest extends PathParamsBehaviour {
  private static SnelServer server;
  private static TestClient client;

  @BeforeAll
  static void start() {
    server = SnelServer.start(Main.app(), ServerConfig.defaults().port(0));
    client = TestClient.of(server.baseUri());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Override
  TestClient client() {
    return client;
  }

  @Override
  String baseUrl() {
    return server.baseUri().toString();
  }
}
