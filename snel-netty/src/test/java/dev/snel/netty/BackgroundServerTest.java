package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.BackgroundTasks;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Background tasks and the app's lifespan through the real server. */
class BackgroundServerTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    LOG.clear();
  }

  /** A route whose task waits for the test's signal. */
  public static final class Routes {
    final CountDownLatch taskStarted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch taskDone = new CountDownLatch(1);

    @Post("/send-notification/{email}")
    public Map<String, String> send(String email, BackgroundTasks tasks) {
      tasks.add(
          () -> {
            taskStarted.countDown();
            release.await();
            LOG.add("notified " + email);
            taskDone.countDown();
          });
      return Map.of("message", "Notification sent in the background");
    }
  }

  @Test
  void the_client_has_the_whole_response_while_the_task_is_still_running() throws Exception {
    Routes routes = new Routes();
    Snel app = Snel.create().include(routes);
    try (SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0))) {
      TestResponse response =
          TestClient.of(server.baseUri()).request("POST", "/send-notification/ada").send();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json())
          .isEqualTo(TestClient.json("{\"message\":\"Notification sent in the background\"}"));
      assertThat(routes.taskStarted.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(routes.taskDone.getCount()).isEqualTo(1); // it cannot end before the release
      routes.release.countDown();
      assertThat(routes.taskDone.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(LOG).containsExactly("notified ada");
    }
  }

  @Test
  void stopping_the_server_waits_for_the_tasks_then_tears_the_app_down() throws Exception {
    Routes routes = new Routes();
    Snel app = Snel.create().include(routes);
    app.lifespan(
        () -> {
          LOG.add("set up");
          return () -> LOG.add("torn down");
        });
    SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0));
    assertThat(LOG).containsExactly("set up");
    TestClient.of(server.baseUri()).request("POST", "/send-notification/ada").send();
    assertThat(routes.taskStarted.await(10, TimeUnit.SECONDS)).isTrue();

    Thread stopping = Thread.ofPlatform().start(server::stop);
    waitUntilWaitingForTasks(stopping);
    LOG.add("task released");
    routes.release.countDown();
    stopping.join();
    assertThat(LOG).containsExactly("set up", "task released", "notified ada", "torn down");
  }

  /** Returns once the thread waits for the background tasks (the app's close is in its stack). */
  static void waitUntilWaitingForTasks(Thread thread) throws InterruptedException {
    while (java.util.Arrays.stream(thread.getStackTrace())
        .noneMatch(
            frame ->
                frame.getClassName().endsWith("BackgroundWork")
                    && frame.getMethodName().equals("await"))) {
      assertThat(thread.isAlive()).isTrue();
      Thread.sleep(1);
    }
  }

  @Test
  void a_failing_startup_stops_the_server_from_starting_and_nothing_is_bound() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Snel app = Snel.create();
    app.lifespan(
        () -> {
          LOG.add("pool opened");
          return () -> LOG.add("pool closed");
        });
    app.onStartup(
        () -> {
          throw new IllegalStateException("the database is unreachable");
        });

    assertThatThrownBy(() -> SnelServer.start(app, ServerConfig.defaults().port(port)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the database is unreachable");
    assertThat(LOG).containsExactly("pool opened", "pool closed");
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(port); // the server never took the port
    }
  }
}
