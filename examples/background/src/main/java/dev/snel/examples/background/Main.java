package dev.snel.examples.background;

import dev.snel.BackgroundTasks;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.netty.SnelServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The seed post's background tasks: {@code POST /simple/} answers at once and, after the response,
 * appends {@code LOG: Button was pressed!} and a newline to {@code log.txt} in the working
 * directory.
 */
public final class Main {
  /** Where {@link #app()} writes: {@code log.txt}, relative to the working directory. */
  public static final Path DEFAULT_LOG_FILE = Path.of("log.txt");

  private Main() {}

  /** FastAPI's {@code write_notification}: appends the message to the log file. */
  static void writeNotification(Path logFile, String message) throws IOException {
    Files.writeString(
        logFile,
        message,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** The routes, writing to one log file. */
  public static final class Routes {
    private final Path logFile;

    Routes(Path logFile) {
      this.logFile = logFile;
    }

    /** Queues the log line and answers without waiting for it. */
    @Post("/simple/")
    public Map<String, String> simpleBackgroundTask(BackgroundTasks backgroundTasks) {
      backgroundTasks.add(() -> writeNotification(logFile, "LOG: Button was pressed!\n"));
      return Map.of("message", "Task has been added to the queue");
    }
  }

  /** The app, writing {@code log.txt} in the working directory. */
  public static Snel app() {
    return app(DEFAULT_LOG_FILE);
  }

  /** The app, writing to this file (tests give a temporary one). */
  public static Snel app(Path logFile) {
    return Snel.create().include(new Routes(logFile));
  }

  /** Serves the app on $PORT (default 8000). */
  public static void main(String[] args) {
    SnelServer.run(app());
  }
}
