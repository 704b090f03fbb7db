package dev.snel.examples.streaming;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import org.junit.jupiter.api.AfterAll;

class StaticFilesServerTest extends StaticFilesBehaviour {
  private static SnelServer server;
  private static TestClient client;

  private static synchronized TestClient remote() {
    if (server == null) {
      server = SnelServer.start(Main.app(), ServerConfig.defaults().port(0));
      client = TestClient.of(server.baseUri());
    }
    return client;
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Override
  TestClient client() {
    return remote();
  }
}
