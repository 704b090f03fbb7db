package dev.snel.netty.reliability;

import dev.snel.netty.Raw;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@link ReliabilityApp} in a JVM of its own (same java binary, same class path), measured from
 * outside: resident memory and open file descriptors from {@code /proc}, heap and direct memory
 * from its {@code /_stats} route.
 *
 * <p>The heap is fixed and pre-touched ({@code -Xms} = {@code -Xmx}, {@code AlwaysPreTouch}), so
 * that resident memory grows only with what lives outside the heap: direct buffers, threads.
 */
final class ServerProcess implements AutoCloseable {
  static final String HEAP = "128m";
  static final String MAX_DIRECT = "512m";

  private final Process process;
  private final int port;
  private final Thread drain;

  private ServerProcess(Process process, int port, Thread drain) {
    this.process = process;
    this.port = port;
    this.drain = drain;
  }

  static ServerProcess start(Map<String, String> properties) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xms" + HEAP);
    command.add("-Xmx" + HEAP);
    command.add("-XX:+AlwaysPreTouch");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:MaxDirectMemorySize=" + MAX_DIRECT);
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ReliabilityApp.class.getName());
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      int port = -1;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("PORT ")) {
          port = Integer.parseInt(line.substring(5).trim());
          break;
        }
      }
      if (port < 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "the server process ended without a port; see " + logFile());
      }
      // Keeps reading stdout so that the process never blocks on a full pipe.
      Thread drain =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      while (out.readLine() != null) {
                        // discard
                      }
                    } catch (IOException ignored) {
                      // the process ended
                    }
                  });
      return new ServerProcess(process, port, drain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path logFile() {
    return Path.of("target", "reliability-server.log");
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Resident set size in bytes, from {@code VmRSS} in {@code /proc/<pid>/status}. */
  long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Open file descriptors: the entries of {@code /proc/<pid>/fd}. */
  long fds() {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
      return fds.count();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Everything measured at one moment; {@code /_stats} runs a GC first. */
  Stats stats() throws IOException {
    String body;
    try (Raw raw = Raw.open(port)) {
      Raw.Reply reply = raw.send(Raw.get("/_stats")).read();
      body = reply.body();
    }
    return new Stats(
        rss(),
        fds(),
        number(body, "heap"),
        number(body, "netty_direct"),
        number(body, "allocator_direct"),
        number(body, "jdk_direct"));
  }

  private static long number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":(-?\\d+)").matcher(json);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /**
   * One measurement, in bytes (fds: a count). The direct memory is the largest of what Netty's
   * counter, the default allocator and the JDK's buffer pool report: each misses some buffers.
   */
  record Stats(
      long rss, long fds, long heap, long nettyDirect, long allocatorDirect, long jdkDirect) {
    long direct() {
      return Math.max(Math.max(nettyDirect, allocatorDirect), jdkDirect);
    }

    String describe() {
      return String.format(
          "RSS %s, heap %s, direct %s, %d fds", mib(rss), mib(heap), mib(direct()), fds);
    }

    static String mib(long bytes) {
      if (bytes < 0) {
        return "n/a";
      }
      return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    drain.interrupt();
  }
}
