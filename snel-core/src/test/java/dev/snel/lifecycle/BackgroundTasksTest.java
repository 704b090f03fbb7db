package dev.snel.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.BackgroundTasks;
import dev.snel.BackgroundTasks.Retry;
import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Post;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Background tasks: FastAPI's {@code BackgroundTasks}, run after the response is written, in the
 * order added, each failure logged and contained; with retries and cleanups that wait for them.
 */
class BackgroundTasksTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();
  static final AtomicInteger ATTEMPTS = new AtomicInteger();

  @BeforeEach
  void clear() {
    LOG.clear();
    ATTEMPTS.set(0);
  }

  static void writeNotification(String email, String message) {
    LOG.add("notification for " + email + ": " + message);
  }

  /** A dependency that adds a task of its own, as FastAPI's {@code get_query} does. */
  public static final class QueryLogger {
    public static String log(BackgroundTasks tasks, String q) {
      tasks.add(() -> LOG.add("found query: " + q));
      return q;
    }
  }

  /** A session the tasks use; closed once they are done, not when the response is made. */
  public static final class Session implements AutoCloseable {
    private volatile boolean closed;

    String query(String what) {
      if (closed) {
        throw new IllegalStateException("the session is closed");
      }
      return "rows for " + what;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  public static final class SessionForTasks {
    public static Session open(Scope scope) {
      Session session = new Session();
      scope.deferAfterBackgroundTasks(
          failure -> {
            LOG.add("close session after " + (failure == null ? "success" : failure.getMessage()));
            session.close();
          });
      return session;
    }
  }

  public static final class SessionForRequest {
    public static Session open(Scope scope) {
      Session session = new Session();
      scope.defer(failure -> session.close());
      return session;
    }
  }

  public static class Routes {
    @Post("/send-notification/{email}")
    public Map<String, String> sendNotification(String email, BackgroundTasks tasks) {
      tasks.add(() -> writeNotification(email, "some notification"));
      LOG.add("handler");
      return Map.of("message", "Notification sent in the background");
    }

    @Post("/several")
    public String several(BackgroundTasks tasks) {
      for (String name : List.of("first", "second", "third")) {
        tasks.add(() -> LOG.add(name));
      }
      return "queued";
    }

    @Post("/with-dependency/{email}")
    public Map<String, String> withDependency(
        String email, BackgroundTasks tasks, @Depends(QueryLogger.class) String q) {
      tasks.add(() -> writeNotification(email, "message to " + email));
      return Map.of("message", "Message sent");
    }

    @Post("/failing")
    public String failing(BackgroundTasks tasks) {
      tasks.add(
          () -> {
            throw new IllegalStateException("the mail server is down");
          });
      tasks.add(() -> LOG.add("next task"));
      return "accepted";
    }

    @Post("/retried")
    public String retried(BackgroundTasks tasks, int failures, int attempts) {
      tasks.add(
          () -> {
            int attempt = ATTEMPTS.incrementAndGet();
            if (attempt <= failures) {
              throw new IllegalStateException("attempt " + attempt + " failed");
            }
            LOG.add("succeeded at attempt " + attempt);
          },
          Retry.attempts(attempts).backoff(Duration.ofMillis(1)));
      tasks.add(() -> LOG.add("next task"));
      return "accepted";
    }

    @Post("/rejected")
    public String rejected(BackgroundTasks tasks, @Depends(SessionForTasks.class) Session session) {
      tasks.add(() -> LOG.add("task of a failed request"));
      throw new HttpException(409, "conflict");
    }

    @Post("/report")
    public String report(BackgroundTasks tasks, @Depends(SessionForTasks.class) Session session) {
      tasks.add(() -> LOG.add("task read " + session.query("report")));
      return "report queued";
    }

    @Post("/report-too-early")
    public String reportTooEarly(
        BackgroundTasks tasks, @Depends(SessionForRequest.class) Session session) {
      tasks.add(() -> LOG.add("task read " + session.query("report")));
      return "report queued";
    }

    @Get("/no-tasks")
    public String noTasks(@Depends(SessionForTasks.class) Session session) {
      LOG.add("handler");
      return "plain";
    }
  }

  private final Snel app = Snel.create().include(new Routes());
  private final TestClient client = TestClient.of(app);

  @Test
  void a_task_runs_after_the_response_with_the_arguments_it_captured() {
    TestResponse response = client.request("POST", "/send-notification/ada@example.com").send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(TestClient.json("{\"message\":\"Notification sent in the background\"}"));
    assertThat(LOG)
        .containsExactly("handler", "notification for ada@example.com: some notification");
  }

  @Test
  void no_task_runs_before_the_server_says_the_response_is_written() throws Exception {
    Response response =
        app.handle(Request.builder("POST", "/send-notification/ada@example.com").build())
            .get(10, TimeUnit.SECONDS);
    assertThat(response.status()).isEqualTo(200);
    assertThat(LOG).containsExactly("handler");

    response.written();
    assertThat(app.awaitBackgroundTasks(Duration.ofSeconds(10))).isTrue();
    assertThat(LOG)
        .containsExactly("handler", "notification for ada@example.com: some notification");
  }

  @Test
  void tasks_run_in_the_order_added_each_with_its_own_value() {
    client.request("POST", "/several").send();
    assertThat(LOG).containsExactly("first", "second", "third");
  }

  @Test
  void a_dependency_adds_tasks_to_the_same_list_as_the_handler() {
    TestResponse response =
        client.request("POST", "/with-dependency/ada@example.com?q=rust").send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(LOG)
        .containsExactly(
            "found query: rust", "notification for ada@example.com: message to ada@example.com");
  }

  @Test
  void
      a_failing_task_leaves_the_response_and_the_next_task_alone_and_is_logged_with_the_request_id() {
    TestResponse response;
    String errors;
    try (StderrCapture stderr = StderrCapture.start()) {
      response = client.request("POST", "/failing").header("x-request-id", "req-42").send();
      errors = stderr.text();
    }
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("\"accepted\"");
    assertThat(LOG).containsExactly("next task");
    assertThat(errors)
        .contains("A background task failed [request req-42]")
        .contains("the mail server is down");
  }

  @Test
  void a_task_failing_twice_then_succeeding_runs_three_times() {
    client.request("POST", "/retried?failures=2&attempts=3").send();
    assertThat(ATTEMPTS).hasValue(3);
    assertThat(LOG).containsExactly("succeeded at attempt 3", "next task");
  }

  @Test
  void a_task_that_fails_every_allowed_attempt_is_given_up_and_the_next_task_runs() {
    String errors;
    try (StderrCapture stderr = StderrCapture.start()) {
      client.request("POST", "/retried?failures=5&attempts=2").send();
      errors = stderr.text();
    }
    assertThat(ATTEMPTS).hasValue(2);
    assertThat(LOG).containsExactly("next task");
    assertThat(errors)
        .contains("A background task failed (attempt 1 of 2), retrying in 1 ms")
        .contains("A background task failed [request")
        .contains("attempt 2 failed");
  }

  @Test
  void retries_wait_longer_each_time_by_the_multiplier() {
    String errors;
    BackgroundTasks tasks = new BackgroundTasks();
    try (StderrCapture stderr = StderrCapture.start()) {
      tasks.add(
          () -> {
            throw new IllegalStateException("always");
          },
          new Retry(4, Duration.ofMillis(2), 3));
      Exception failure = tasks.run();
      errors = stderr.text();
      assertThat(failure).hasMessage("always");
    }
    assertThat(errors)
        .contains("(attempt 1 of 4), retrying in 2 ms")
        .contains("(attempt 2 of 4), retrying in 6 ms")
        .contains("(attempt 3 of 4), retrying in 18 ms");
  }

  @Test
  void a_failed_request_runs_no_tasks_but_does_run_the_cleanups_that_wait_for_them() {
    TestResponse response = client.request("POST", "/rejected").send();
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("detail").asText()).isEqualTo("conflict");
    assertThat(LOG).containsExactly("close session after 409: conflict");
  }

  @Test
  void a_cleanup_deferred_after_the_tasks_runs_after_them_and_they_can_still_use_its_resource() {
    TestResponse response = client.request("POST", "/report").send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(LOG).containsExactly("task read rows for report", "close session after success");
  }

  @Test
  void a_resource_closed_by_a_plain_cleanup_is_already_closed_when_the_tasks_run() {
    String errors;
    try (StderrCapture stderr = StderrCapture.start()) {
      client.request("POST", "/report-too-early").send();
      errors = stderr.text();
    }
    assertThat(LOG).isEmpty();
    assertThat(errors).contains("the session is closed");
  }

  @Test
  void without_tasks_a_cleanup_deferred_after_them_runs_once_the_response_is_written() {
    TestResponse response = client.get("/no-tasks");
    assertThat(response.status()).isEqualTo(200);
    assertThat(LOG).containsExactly("handler", "close session after success");
  }

  @Test
  void close_waits_for_a_running_task_before_the_shutdown_hooks() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Snel slow = Snel.create().include(new Blocking(started, release));
    slow.onShutdown(() -> LOG.add("shutdown hook"));
    slow.start();
    Response response =
        slow.handle(Request.builder("POST", "/blocking").build()).get(10, TimeUnit.SECONDS);
    response.written();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    Thread closing = Thread.ofPlatform().start(slow::close);
    // release the task only once close() waits for it
    while (java.util.Arrays.stream(closing.getStackTrace())
        .noneMatch(
            frame ->
                frame.getClassName().endsWith("BackgroundWork")
                    && frame.getMethodName().equals("await"))) {
      assertThat(closing.isAlive()).isTrue();
      Thread.sleep(1);
    }
    LOG.add("releasing the task");
    release.countDown();
    closing.join(Duration.ofSeconds(10));
    assertThat(closing.isAlive()).isFalse();
    assertThat(LOG).containsExactly("releasing the task", "task done", "shutdown hook");
  }

  @Test
  void close_abandons_a_task_still_running_after_the_shutdown_timeout_and_interrupts_it()
      throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    Snel stuck =
        Snel.create().include(new Blocking(started, never)).shutdownTimeout(Duration.ofMillis(50));
    stuck.onShutdown(() -> LOG.add("shutdown hook"));
    stuck.start();
    Response response =
        stuck.handle(Request.builder("POST", "/blocking").build()).get(10, TimeUnit.SECONDS);
    response.written();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    String errors;
    try (StderrCapture stderr = StderrCapture.start()) {
      stuck.close();
      assertThat(stuck.awaitBackgroundTasks(Duration.ofSeconds(10))).isTrue();
      errors = stderr.text();
    }
    assertThat(LOG).containsExactlyInAnyOrder("task interrupted", "shutdown hook");
    assertThat(errors)
        .contains("Abandoning the background tasks of 1 request(s) after PT0.05S")
        .contains("snel-background-");
  }

  /** A route whose task waits for the test's signal. */
  public static final class Blocking {
    private final CountDownLatch started;
    private final CountDownLatch release;

    Blocking(CountDownLatch started, CountDownLatch release) {
      this.started = started;
      this.release = release;
    }

    @Post("/blocking")
    public String blocking(BackgroundTasks tasks) {
      tasks.add(
          () -> {
            started.countDown();
            try {
              release.await();
              LOG.add("task done");
            } catch (InterruptedException e) {
              LOG.add("task interrupted");
            }
          });
      return "accepted";
    }
  }
}
