package dev.snel.netty.shutdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SnelServer.run} told to stop by a signal, as a process manager does it: {@link
 * GracefulShutdownApp} in a JVM of its own, under load, sent SIGTERM (or SIGINT) with {@code kill}.
 */
class GracefulShutdownTest {
  private static final int CLIENTS = 8;
  private static final int REQUESTS_PER_CLIENT = 40;

  @TempDir Path dir;
  private Process process;
  private Path events;
  private Path log;

  @AfterEach
  void stopTheChild() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void sigterm_under_load_answers_every_accepted_request_runs_every_task_tears_down_and_exits_143()
      throws Exception {
    int port = start(Map.of("shutdown.handlerMs", "50", "shutdown.taskMs", "100"));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<Integer, String> answered = new ConcurrentHashMap<>();
    AtomicInteger refused = new AtomicInteger();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                      int n = client * 1000 + i;
                      try {
                        HttpResponse<String> response =
                            http.send(
                                HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/work/" + n))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                                HttpResponse.BodyHandlers.ofString());
                        answered.put(n, response.statusCode() + " " + response.body());
                      } catch (IOException e) {
                        refused.incrementAndGet(); // not accepted: the server stopped listening
                        return;
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  }));
    }
    while (answered.size() < 2 * CLIENTS) {
      assertThat(process.isAlive()).isTrue();
      Thread.sleep(5);
    }

    signal("TERM");
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    for (Thread client : clients) {
      client.join(Duration.ofSeconds(30));
    }

    assertThat(process.exitValue()).isEqualTo(143);
    List<String> lines = Files.readAllLines(events);
    Set<Integer> started = numbered(lines, "start ");
    Set<Integer> tasks = numbered(lines, "task ");
    assertThat(answered.keySet()).containsAll(started); // every accepted request was answered
    answered.forEach((n, answer) -> assertThat(answer).isEqualTo("200 {\"n\":" + n + "}"));
    assertThat(tasks).isEqualTo(started); // and every task it queued ran
    assertThat(lines.getFirst()).isEqualTo("setup");
    assertThat(lines.getLast()).isEqualTo("teardown"); // after the last task
    assertThat(refused.get()).as("clients turned away after the signal").isPositive();
    assertThat(Files.readString(log)).contains("Received SIGTERM: shutting down gracefully");
  }

  @Test
  void a_second_sigterm_during_the_stop_exits_at_once_without_the_teardown() throws Exception {
    int port = start(Map.of());
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    var held =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hold")).build(),
            HttpResponse.BodyHandlers.ofString());
    waitFor(events, "start hold");

    signal("TERM");
    waitFor(log, "Received SIGTERM: shutting down gracefully");
    signal("TERM");

    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(143);
    assertThat(Files.readAllLines(events)).containsExactly("setup", "start hold");
    assertThat(Files.readString(log)).contains("Received SIGTERM again: exiting now");
    held.cancel(true);
  }

  @Test
  void sigint_stops_gracefully_and_exits_130() throws Exception {
    assumeFalse(ignoredHere("INT"), "SIGINT is ignored in this process, and so in its children");
    start(Map.of());

    signal("INT");

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(130);
    assertThat(Files.readAllLines(events)).containsExactly("setup", "teardown");
  }

  /** Starts the app's JVM and returns its port once it is serving. */
  private int start(Map<String, String> properties) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    events = dir.resolve("events.txt");
    log = dir.resolve("server.log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    command.add("-Dshutdown.file=" + events);
    command.add("-Dshutdown.port=" + port);
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(GracefulShutdownApp.class.getName());
    process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    waitFor(log, "Snel running on");
    return port;
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private void waitFor(Path file, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "no \"" + text + "\" in " + file + "; the server's output:\n" + Files.readString(log));
      }
      Thread.sleep(5);
    }
  }

  private static Set<Integer> numbered(List<String> lines, String prefix) {
    return lines.stream()
        .filter(line -> line.startsWith(prefix) && !line.equals("start hold"))
        .map(line -> Integer.parseInt(line.substring(prefix.length())))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Whether this process ignores the signal (its children then start ignoring it too). */
  private static boolean ignoredHere(String name) throws IOException {
    int number = name.equals("INT") ? 2 : 15;
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring(7).strip(), 16);
        return (mask & (1L << (number - 1))) != 0;
      }
    }
    return false;
  }
}
