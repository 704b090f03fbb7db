package dev.snel.examples.background;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundInProcessTest extends BackgroundBehaviour {
  @TempDir static Path dir;
  private static Snel app;
  private static TestClient client;

  private static synchronized TestClient local() {
    if (client == null) {
      app = Main.app(dir.resolve("log.txt"));
      client = TestClient.of(app);
    }
    return client;
  }

  @Override
  TestClient client() {
    return local();
  }

  @Override
  Path logFile() {
    return dir.resolve("log.txt");
  }

  /** The in-process client returns once the request's tasks are done, as Starlette's does. */
  @Override
  List<String> logLines(int expected) throws IOException {
    return Files.readAllLines(logFile());
  }

  @Test
  void the_line_is_written_only_once_the_response_has_been_written() throws Exception {
    Path file = dir.resolve("own-log.txt");
    Snel own = Main.app(file);
    Response response =
        own.handle(Request.builder("POST", "/simple/").build()).get(10, TimeUnit.SECONDS);
    assertThat(response.status()).isEqualTo(200);
    assertThat(file).doesNotExist();

    response.written(); // what the server does after the last byte
    assertThat(own.awaitBackgroundTasks(Duration.ofSeconds(10))).isTrue();
    assertThat(Files.readAllLines(file)).containsExactly(LINE);
  }

  @Test
  void by_default_the_log_is_log_txt_in_the_working_directory() {
    assertThat(Main.DEFAULT_LOG_FILE).isEqualTo(Path.of("log.txt"));
    assertThat(Main.DEFAULT_LOG_FILE.isAbsolute()).isFalse(); // resolved against the working dir
  }
}
