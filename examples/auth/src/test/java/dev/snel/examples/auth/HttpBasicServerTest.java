package dev.snel.examples.auth;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import org.junit.jupiter.api.AutoClose;

class HttpBasicServerTest extends HttpBasicBehaviour {
  @AutoClose
  private static final SnelServer server =
      SnelServer.start(HttpBasicApp.app(), ServerConfig.defaults().port(0));

  private static final TestClient client = TestClient.of(server.baseUri());

  @Override
  TestClient client() {
    return client;
  }
}
