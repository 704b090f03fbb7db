package dev.snel.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.BackgroundTasks;
import dev.snel.Get;
import dev.snel.NonBlocking;
import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The requests a server counts as in flight (a graceful stop waits for none): each one read counts
 * until its answer has been written, whether or not anything runs after the answer.
 */
class RequestCountTest {
  static volatile CountDownLatch taskRan = new CountDownLatch(1);

  /** The routes. */
  public static class Routes {
    @NonBlocking
    @Get("/hello")
    public String hello() {
      return "hi";
    }

    @NonBlocking
    @Get("/task")
    public String task(BackgroundTasks tasks) {
      tasks.add(() -> taskRan.countDown());
      return "queued";
    }
  }

  private final Connections connections = new Connections();
  private final Embedded connection =
      Embedded.open(Snel.create().include(new Routes()), ServerConfig.defaults(), connections);

  @AfterEach
  void close() {
    connection.finishAndReleaseAll();
  }

  @Test
  void answered_requests_are_no_longer_in_flight() {
    assertThat(connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")).contains("\"hi\"");
    assertThat(connections.inFlight()).isZero();

    String pipelined = "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n".repeat(5);
    assertThat(connection.send(pipelined).split("\"hi\"", -1)).hasSize(6);
    assertThat(connections.inFlight()).isZero();
  }

  @Test
  void a_request_with_work_after_its_answer_runs_it_and_ends() throws InterruptedException {
    taskRan = new CountDownLatch(1);
    String pipelined =
        "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n"
            + "GET /task HTTP/1.1\r\nHost: t\r\n\r\n"
            + "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n";

    assertThat(connection.send(pipelined)).contains("\"queued\"");

    assertThat(taskRan.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(connections.inFlight()).isZero();
  }
}
