package dev.snel.netty.files;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class FilesServerTest extends FilesBehaviour {
  @TempDir static Path dir;
  private static SnelServer server;
  private static TestClient client;

  @BeforeAll
  static void start() throws Exception {
    FileRoutes.writeFiles(dir);
    server = SnelServer.start(FileRoutes.app(dir), ServerConfig.defaults().port(0));
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
  Path dir() {
    return dir;
  }
}
