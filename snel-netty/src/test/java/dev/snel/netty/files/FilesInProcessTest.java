package dev.snel.netty.files;

import dev.snel.testing.TestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class FilesInProcessTest extends FilesBehaviour {
  @TempDir static Path dir;
  private static TestClient client;

  @BeforeAll
  static void start() throws Exception {
    FileRoutes.writeFiles(dir);
    client = TestClient.of(FileRoutes.app(dir));
  }

  @AfterAll
  static void stop() {
    client.close();
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
