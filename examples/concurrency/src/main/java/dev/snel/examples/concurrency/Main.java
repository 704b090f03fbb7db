package dev.snel.examples.concurrency;

import dev.snel.Default;
import dev.snel.Get;
import dev.snel.Json;
import dev.snel.NonBlocking;
import dev.snel.Offload;
import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Where handlers run (docs/concurrency.md): {@code /slow} waits (parks) on its connection's event
 * loop, {@code /primes} computes and {@code /report} writes a file on the JDK's scheduler
 * ({@code @Offload}), {@code /ping} answers on the event loop itself ({@code @NonBlocking}).
 *
 * <p>Threading: the routes keep no state of their own; each request writes its own temporary file.
 */
public final class Main {
  private Main() {}

  /** The four routes, one per place a handler can run. */
  public static final class Routes {
    private final Path reports;
    private final IntConsumer progress;

    /**
     * Routes writing their reports to {@code reports}; {@code progress} is told, every 65,536
     * numbers, how far a prime count got (the app ignores it; a test holds a count there).
     */
    Routes(Path reports, IntConsumer progress) {
      this.reports = reports;
      this.progress = progress;
    }

    /** Waits for a slow service (here: sleeps). The thread parks; its event loop serves others. */
    @Get("/slow")
    public Map<String, Object> slow(@Default("1") @Min(0) @Max(10) int seconds)
        throws InterruptedException {
      Thread.sleep(Duration.ofSeconds(seconds));
      return Json.object("slept_seconds", seconds);
    }

    /** Counts primes: pure computing, which would hold the event loop as long as it runs. */
    @Offload
    @Get("/primes")
    public Map<String, Object> primes(@Default("1000000") @Min(2) @Max(10_000_000) int below) {
      return Json.object("below", below, "primes", countPrimes(below));
    }

    /** Writes a CSV file and answers its size: file I/O blocks the thread that carries it. */
    @Offload
    @Get("/report")
    public Map<String, Object> report(@Default("1000") @Min(1) @Max(1_000_000) int rows)
        throws IOException {
      Path file = Files.createTempFile(reports, "report-", ".csv");
      try {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
          out.write("n,square\n");
          for (long n = 1; n <= rows; n++) {
            out.write(n + "," + n * n + "\n");
          }
        }
        return Json.object("rows", rows, "bytes", Files.size(file));
      } finally {
        Files.delete(file);
      }
    }

    /** Answers at once, on the event loop: no hand-off at all. */
    @NonBlocking
    @Get("/ping")
    public String ping() {
      return "pong";
    }

    /** Counts by trial division: seconds of computing, never a pause, for the largest bound. */
    private int countPrimes(int below) {
      int count = 0;
      for (int n = 2; n < below; n++) {
        if ((n & 0xFFFF) == 0) {
          progress.accept(n);
        }
        if (isPrime(n)) {
          count++;
        }
      }
      return count;
    }

    private static boolean isPrime(int n) {
      if (n < 4) {
        return n >= 2;
      }
      if (n % 2 == 0) {
        return false;
      }
      for (int d = 3; d <= n / d; d += 2) {
        if (n % d == 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** The app, writing its reports to the temporary directory. */
  public static Snel app() {
    return app(Path.of(System.getProperty("java.io.tmpdir")), n -> {});
  }

  /** The app, writing its reports to {@code reports}, telling {@code progress} how counts go. */
  static Snel app(Path reports, IntConsumer progress) {
    return Snel.create().include(new Routes(reports, progress));
  }

  /**
   * Serves the app on $PORT (default 8000); with {@code OFFLOAD_HANDLERS=true}, every handler on
   * the JDK's scheduler, as if each route were {@code @Offload}.
   */
  public static void main(String[] args) {
    ServerConfig config = ServerConfig.fromEnvironment();
    if (Boolean.parseBoolean(System.getenv("OFFLOAD_HANDLERS"))) {
      config = config.offloadHandlers(true);
    }
    SnelServer.run(app(), config);
  }
}
