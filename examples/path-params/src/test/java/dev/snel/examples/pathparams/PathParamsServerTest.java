package dev.snel.examples.pathparams;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import org.junit.jupiter.api.AutoClose;

class PathParamsServerTest extends PathParamsBehaviour {
  @AutoClose
  private static final SnelServer server =
      SnelServer.start(Main.app(), ServerConfig.defaults().port(0));

  private static final TestClient client = TestClient.of(server.baseUri());

  @Override
  TestClient client() {
    return client;
  }

  @Override
  String baseUrl() {
    return server.baseUri().toString();
  }
}
