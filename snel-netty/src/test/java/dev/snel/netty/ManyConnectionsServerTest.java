package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.snel.Get;
import dev.snel.Response;
import dev.snel.Snel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server holds and answers 10,000 keep-alive connections at once on one I/O thread. The client,
 * {@link ManyConnectionsClient}, is a process of its own (one thread, one selector), so each side
 * needs 10,000 file descriptors of its own process's limit, not 20,000 of one; the test skips,
 * saying so, where even that is not available. (The JVM raises its soft limit to the hard one on
 * Linux.)
 */
class ManyConnectionsServerTest {
  private static final int CONNECTIONS = 10_000;

  /** Descriptors the JVM and the build may hold besides the sockets. */
  private static final int SPARE_DESCRIPTORS = 500;

  public static class Routes {
    @Get("/hello/{connection}")
    public Response hello(int connection, int round) {
      return Response.text("connection " + connection + ", round " + round);
    }
  }

  @Test
  void holds_and_answers_10000_keep_alive_connections_on_one_io_thread()
      throws IOException, InterruptedException {
    assumeEnoughFileDescriptors();
    ServerConfig config = ServerConfig.defaults().port(0).ioThreads(1);
    try (SnelServer server = SnelServer.start(Snel.create().include(new Routes()), config)) {
      // Round 2 goes over round 1's sockets: they were held open, all 10,000 at once.
      List<String> output = runClient(server.port(), 2);
      assertThat(output)
          .containsExactly(
              "connected 10000",
              "round 1: 10000 of 10000 answered as expected",
              "round 2: 10000 of 10000 answered as expected");
    }
  }

  /** Runs the client to its end; its output lines (its errors among them). */
  private static List<String> runClient(int port, int rounds)
      throws IOException, InterruptedException {
    Process client =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                ManyConnectionsClient.class.getName(),
                Integer.toString(port),
                Integer.toString(CONNECTIONS),
                Integer.toString(rounds))
            .redirectErrorStream(true)
            .start();
    try {
      String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(client.waitFor(1, TimeUnit.MINUTES)).as("the client ended").isTrue();
      return output.lines().toList();
    } finally {
      client.destroyForcibly();
    }
  }

  private static void assumeEnoughFileDescriptors() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    assumeTrue(os instanceof UnixOperatingSystemMXBean, "no file-descriptor count on this OS");
    UnixOperatingSystemMXBean unix = (UnixOperatingSystemMXBean) os;
    long needed = CONNECTIONS + SPARE_DESCRIPTORS;
    long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
    assumeTrue(
        free >= needed,
        () ->
            CONNECTIONS
                + " connections need "
                + needed
                + " free file descriptors in each process, but the limit (RLIMIT_NOFILE) is "
                + unix.getMaxFileDescriptorCount()
                + " with "
                + unix.getOpenFileDescriptorCount()
                + " open; raise it, e.g. ulimit -n 65536");
  }
}
