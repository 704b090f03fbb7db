package dev.snel.examples.background;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed's background task on the wire: the answer FastAPI gives, and the log line written after
 * it. Run in-process and over a real socket by the subclasses, each with a log file in a temporary
 * directory.
 */
abstract class BackgroundBehaviour {
  static final String LINE = "LOG: Button was pressed!";

  abstract TestClient client();

  abstract Path logFile();

  /** The log file's lines once it has this many (the tasks run after the responses). */
  abstract List<String> logLines(int expected) throws IOException, InterruptedException;

  @Test
  void pressing_the_button_answers_at_once_that_the_task_is_queued() {
    TestResponse response = client().request("POST", "/simple/").send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.text()).isEqualTo("{\"message\":\"Task has been added to the queue\"}");
  }

  @Test
  void each_press_appends_one_line_to_the_log_file() throws Exception {
    Files.deleteIfExists(logFile());
    client().request("POST", "/simple/").send();
    assertThat(logLines(1)).containsExactly(LINE);

    client().request("POST", "/simple/").send();
    assertThat(logLines(2)).containsExactly(LINE, LINE);
    assertThat(Files.readString(logFile())).isEqualTo(LINE + "\n" + LINE + "\n");
  }
}
