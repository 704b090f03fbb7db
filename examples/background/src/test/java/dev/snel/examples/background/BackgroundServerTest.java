package dev.snel.examples.background;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

class BackgroundServerTest extends BackgroundBehaviour {
  @TempDir static Path dir;
  private static SnelServer server;
  private static TestClient client;

  private static synchronized TestClient remote() {
    if (server == null) {
      server = SnelServer.start(Main.app(dir.resolve("log.txt")), ServerConfig.defaults().port(0));
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

  @Override
  Path logFile() {
    return dir.resolve("log.txt");
  }

  /** The client has the response before the task runs: wait for the line (30 s at most). */
  @Override
  List<String> logLines(int expected) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.exists(logFile())) {
        List<String> lines = Files.readAllLines(logFile());
        if (lines.size() >= expected) {
          return lines;
        }
      }
      Thread.sleep(5);
    }
    return Files.exists(logFile()) ? Files.readAllLines(logFile()) : List.of();
  }
}
