package dev.snel.netty.shutdown;

import dev.snel.BackgroundTasks;
import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The app {@link GracefulShutdownTest} signals, in a JVM of its own, served by {@link
 * SnelServer#run}. It writes what happens to the file named by {@code shutdown.file}, a line each:
 * {@code setup}, {@code start <n>} when a handler starts, {@code task <n>} when its background task
 * has run, {@code teardown}. System properties: {@code shutdown.port}, {@code shutdown.handlerMs}
 * and {@code shutdown.taskMs} (how long a handler and a task take).
 */
public final class GracefulShutdownApp {
  private static final Path FILE = Path.of(System.getProperty("shutdown.file"));
  private static final long HANDLER_MS = Long.getLong("shutdown.handlerMs", 50);
  private static final long TASK_MS = Long.getLong("shutdown.taskMs", 100);

  private GracefulShutdownApp() {}

  static synchronized void write(String line) {
    try {
      Files.writeString(
          FILE,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The routes. */
  public static final class Routes {
    @Post("/work/{n}")
    public Map<String, Integer> work(int n, BackgroundTasks tasks) throws InterruptedException {
      write("start " + n);
      Thread.sleep(HANDLER_MS);
      tasks.add(
          () -> {
            Thread.sleep(TASK_MS);
            write("task " + n);
          });
      return Map.of("n", n);
    }

    /** Never answers: only a forced exit ends a stop that waits for it. */
    @Get("/hold")
    public String hold() throws InterruptedException {
      write("start hold");
      Thread.sleep(Long.MAX_VALUE);
      return "never";
    }
  }

  /** Serves until signalled. */
  public static void main(String[] args) {
    Snel app = Snel.create().include(new Routes());
    app.lifespan(
        () -> {
          write("setup");
          return () -> write("teardown");
        });
    SnelServer.run(app, ServerConfig.defaults().port(Integer.getInteger("shutdown.port")));
  }
}
