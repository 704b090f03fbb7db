package dev.snel.netty.reliability;

import dev.snel.netty.Raw;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many connections sending a mix of valid and invalid requests for a while: keep-alive, pipelined,
 * big answers, bad JSON, oversized headers, garbage, abrupt resets. Measures the server before
 * (after a warm-up) and after, when every connection has gone.
 *
 * <p>Threading: one virtual thread per connection; the counters are shared atomics.
 */
final class Soak {
  static final long MEMORY_MARGIN = 16L << 20;

  /** What a soak did and what it measured. */
  record Result(
      int connections,
      Duration duration,
      long requests,
      long unexpected,
      long connectionErrors,
      List<String> unexpectedSamples,
      ServerProcess.Stats baseline,
      long peakRss,
      ServerProcess.Stats end) {

    boolean heapFlat() {
      return end.heap() <= baseline.heap() + MEMORY_MARGIN;
    }

    boolean directFlat() {
      return end.direct() <= baseline.direct() + MEMORY_MARGIN;
    }

    boolean fdsFlat() {
      return end.fds() <= baseline.fds() + ResourceAttacks.FD_MARGIN;
    }
  }

  private final Target target;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong unexpected = new AtomicLong();
  private final AtomicLong connectionErrors = new AtomicLong();
  private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

  private Soak(Target target) {
    this.target = target;
  }

  static Result run(Target target, int connections, Duration duration, Duration warmUp)
      throws Exception {
    ServerProcess server = target.process();
    new Soak(target).load(connections, warmUp);
    Thread.sleep(1000); // lets the server finish closing the warm-up's connections
    ServerProcess.Stats baseline = server.stats();
    Soak soak = new Soak(target);
    AtomicLong peakRss = new AtomicLong(server.rss());
    Thread monitor =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    peakRss.accumulateAndGet(server.rss(), Math::max);
                    try {
                      Thread.sleep(500);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    try {
      soak.load(connections, duration);
    } finally {
      monitor.interrupt();
    }
    ResourceAttacks.waitForFds(server, baseline.fds());
    ServerProcess.Stats end = server.stats();
    return new Result(
        connections,
        duration,
        soak.requests.get(),
        soak.unexpected.get(),
        soak.connectionErrors.get(),
        List.copyOf(soak.samples),
        baseline,
        peakRss.get(),
        end);
  }

  private void load(int connections, Duration duration) throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        long seed = i;
        workers.add(
            threads.submit(
                () -> {
                  work(new Random(seed), end);
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
      }
    }
  }

  private void work(Random random, long end) {
    Raw raw = null;
    while (System.nanoTime() < end) {
      try {
        if (raw == null) {
          raw = target.open().timeout(10_000);
        }
        if (!step(raw, random.nextInt(12))) {
          raw.close();
          raw = null;
        }
      } catch (IOException e) {
        connectionErrors.incrementAndGet();
        raw = closeQuietly(raw);
      }
    }
    closeQuietly(raw);
  }

  /** Sends one kind of traffic; false when the connection is done with. */
  private boolean step(Raw raw, int kind) throws IOException {
    switch (kind) {
      case 0, 1, 2 -> expect(raw.send(Raw.get("/fast")).read(), 200);
      case 3 -> {
        raw.send(
            Raw.get("/fast")
                + Raw.post("/items", "application/json", "{\"name\":\"pen\",\"price\":1.5}")
                + Raw.post("/items", "application/json", "{\"name\":\"\",\"price\":-1}")
                + Raw.get("/number?x=abc")
                + Raw.get("/mark/soak?i=1"));
        int[] statuses = {200, 200, 422, 422, 200};
        for (int status : statuses) {
          expect(raw.read(), status);
        }
      }
      case 4 -> {
        Raw.Reply reply = raw.send(Raw.get("/big")).read();
        expect(reply, 200);
      }
      case 5 -> expect(raw.send(Raw.post("/items", "application/json", "{")).read(), 422);
      case 6 -> expect(raw.send(Raw.get("/slow?ms=5")).read(), 200);
      case 7 -> {
        raw.send("POST /items HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n{\"na");
        reset(raw.socket());
        return false;
      }
      case 8 -> {
        expect(
            raw.send("GET /fast HTTP/1.1\r\nHost: t\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n")
                .read(),
            431);
        return false;
      }
      case 9 -> {
        expect(
            raw.send(
                    "POST /items HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 5000000\r\n\r\n{")
                .read(),
            413);
        return false;
      }
      case 10 -> {
        expect(raw.send("GARBAGE\r\n\r\n").read(), 400);
        return false;
      }
      default -> {
        raw.send(Raw.get("/fast"));
        return false; // closes before reading the answer
      }
    }
    return true;
  }

  private void expect(Raw.Reply reply, int status) {
    requests.incrementAndGet();
    if (reply.status() != status) {
      unexpected.incrementAndGet();
      if (samples.size() < 5) {
        samples.add("wanted " + status + ", got " + reply.summary());
      }
    }
  }

  /** Closes with an RST instead of a FIN, as a crashed client or a dropped network would. */
  private static void reset(Socket socket) throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  private static Raw closeQuietly(Raw raw) {
    if (raw != null) {
      try {
        raw.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
    return null;
  }

  static String describe(Result result) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            java.util.Locale.ROOT,
            "%d connections for %d s, %,d requests answered, %d unexpected answers, %d connection errors.\n\n",
            result.connections(),
            result.duration().toSeconds(),
            result.requests(),
            result.unexpected(),
            result.connectionErrors()));
    out.append("| measure | after warm-up | at the end | allowed | result |\n");
    out.append("|---|---|---|---|---|\n");
    out.append(
        row(
            "heap after GC",
            ServerProcess.Stats.mib(result.baseline().heap()),
            ServerProcess.Stats.mib(result.end().heap()),
            "+16 MiB",
            result.heapFlat()));
    out.append(
        row(
            "direct memory",
            ServerProcess.Stats.mib(result.baseline().direct()),
            ServerProcess.Stats.mib(result.end().direct()),
            "+16 MiB",
            result.directFlat()));
    out.append(
        row(
            "open fds",
            Long.toString(result.baseline().fds()),
            Long.toString(result.end().fds()),
            "+" + ResourceAttacks.FD_MARGIN,
            result.fdsFlat()));
    out.append(
        String.format(
            "| RSS (reported, not checked) | %s | %s (peak %s) | | |\n",
            ServerProcess.Stats.mib(result.baseline().rss()),
            ServerProcess.Stats.mib(result.end().rss()),
            ServerProcess.Stats.mib(result.peakRss())));
    return out.toString();
  }

  private static String row(
      String measure, String before, String after, String allowed, boolean ok) {
    return "| "
        + measure
        + " | "
        + before
        + " | "
        + after
        + " | "
        + allowed
        + " | "
        + (ok ? "pass" : "**FAIL**")
        + " |\n";
  }
}
