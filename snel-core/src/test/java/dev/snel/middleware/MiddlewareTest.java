package dev.snel.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.BackgroundTasks;
import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Response;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The middleware seam: what a middleware sees, in which order, and what the client gets. */
class MiddlewareTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();
  static CountDownLatch release = new CountDownLatch(1);
  static CountDownLatch taskDone = new CountDownLatch(1);
  static CountDownLatch middlewareReturned = new CountDownLatch(1);
  static final List<Boolean> TASK_SAW_MIDDLEWARE_RETURN = new CopyOnWriteArrayList<>();

  /** A session whose closing waits for the request's background tasks. */
  public static final class Session {
    public static String get(Scope scope) {
      scope.deferAfterBackgroundTasks(failure -> LOG.add("session closed"));
      return "session";
    }
  }

  public static class Routes {
    @Get("/items/{id}")
    public String item(long id) {
      LOG.add("handler");
      if (id == 0) {
        throw new HttpException(404, "Item not found");
      }
      return "item " + id;
    }

    @Get("/boom")
    public String boom() {
      throw new IllegalStateException("the database is gone");
    }

    @Get("/boom-with-session")
    public String boomWithSession(@Depends(Session.class) String session) {
      throw new IllegalStateException("the database is gone");
    }

    @Get("/notify")
    public String notify(BackgroundTasks tasks, @Depends(Session.class) String session) {
      tasks.add(
          () -> {
            TASK_SAW_MIDDLEWARE_RETURN.add(middlewareReturned.getCount() == 0);
            release.await();
            LOG.add("task");
            taskDone.countDown();
          });
      return "queued";
    }
  }

  private static Snel app() {
    LOG.clear();
    release = new CountDownLatch(1);
    taskDone = new CountDownLatch(1);
    middlewareReturned = new CountDownLatch(1);
    TASK_SAW_MIDDLEWARE_RETURN.clear();
    return Snel.create().include(new Routes());
  }

  @Test
  void fastapis_process_time_example_adds_a_header_to_every_response() {
    Snel app =
        app()
            .middleware(
                (request, next) -> {
                  long start = System.nanoTime();
                  Response response = next.proceed(request);
                  return response.header(
                      "x-process-time", Double.toString((System.nanoTime() - start) / 1e9));
                });
    TestResponse response = TestClient.of(app).get("/items/5");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().asText()).isEqualTo("item 5");
    assertThat(Double.parseDouble(response.header("x-process-time").orElseThrow()))
        .isGreaterThanOrEqualTo(0);
  }

  @Test
  void the_middleware_added_last_is_the_outermost_on_the_way_in_and_out() {
    Snel app = app();
    for (String name : List.of("a", "b", "c")) {
      app.middleware(
          (request, next) -> {
            LOG.add(name + " in");
            Response response = next.proceed(request);
            LOG.add(name + " out");
            return response.header(
                "x-order", response.headers().first("x-order").orElse("") + name);
          });
    }
    TestResponse response = TestClient.of(app).get("/items/1");
    assertThat(LOG).containsExactly("c in", "b in", "a in", "handler", "a out", "b out", "c out");
    assertThat(response.header("x-order")).contains("abc");
  }

  @Test
  void a_middleware_can_answer_without_calling_the_app() {
    Snel app =
        app()
            .middleware(
                (request, next) ->
                    request.header("x-token").isPresent()
                        ? next.proceed(request)
                        : Response.text("no token").status(401));
    TestResponse refused = TestClient.of(app).get("/items/1");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.text()).isEqualTo("no token");
    assertThat(LOG).isEmpty();
    TestResponse admitted =
        TestClient.of(app).request("GET", "/items/1").header("x-token", "t").send();
    assertThat(admitted.status()).isEqualTo(200);
  }

  @Test
  void a_middleware_sees_an_unhandled_exception_and_the_client_still_gets_500() {
    Snel app =
        app()
            .middleware(
                (request, next) -> {
                  try {
                    return next.proceed(request);
                  } catch (IllegalStateException e) {
                    LOG.add("saw " + e.getMessage());
                    throw e;
                  }
                });
    TestResponse response = TestClient.of(app).get("/boom");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).isEqualTo("Internal Server Error");
    assertThat(LOG).containsExactly("saw the database is gone");
  }

  @Test
  void an_http_exception_reaches_the_middleware_as_its_response() {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    Snel app =
        app()
            .middleware(
                (request, next) -> {
                  Response response = next.proceed(request);
                  seen.add(response.status());
                  return response;
                });
    TestResponse response = TestClient.of(app).get("/items/0");
    assertThat(seen).containsExactly(404);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("detail").asText()).isEqualTo("Item not found");
  }

  @Test
  void requests_no_route_answers_reach_the_middleware_before_routing() {
    List<String> seen = new CopyOnWriteArrayList<>();
    Snel app =
        app()
            .middleware(
                (request, next) -> {
                  if (request.method().equals("OPTIONS")
                      && request.header("access-control-request-method").isPresent()) {
                    seen.add("preflight " + request.path());
                    return Response.text("OK").header("access-control-allow-origin", "*");
                  }
                  Response response = next.proceed(request);
                  seen.add(request.method() + " " + request.path() + " " + response.status());
                  return response;
                });
    TestClient client = TestClient.of(app);
    assertThat(client.get("/nowhere").status()).isEqualTo(404);
    TestResponse notAllowed = client.delete("/items/1");
    assertThat(notAllowed.status()).isEqualTo(405);
    assertThat(notAllowed.header("allow")).contains("GET");
    TestResponse preflight =
        client
            .request("OPTIONS", "/items/1")
            .header("origin", "https://example.com")
            .header("access-control-request-method", "GET")
            .send();
    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.header("access-control-allow-origin")).contains("*");
    assertThat(seen)
        .containsExactly("GET /nowhere 404", "DELETE /items/1 405", "preflight /items/1");
  }

  @Test
  void a_middleware_returns_before_the_background_tasks_run() throws Exception {
    Snel app =
        app()
            .middleware(
                (request, next) -> {
                  Response response = next.proceed(request);
                  LOG.add("middleware returned");
                  middlewareReturned.countDown();
                  return response;
                });
    release.countDown();
    TestResponse response = TestClient.of(app).get("/notify");
    assertThat(response.json().asText()).isEqualTo("queued");
    assertThat(taskDone.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(app.awaitBackgroundTasks(java.time.Duration.ofSeconds(10))).isTrue();
    assertThat(TASK_SAW_MIDDLEWARE_RETURN).containsExactly(true);
    assertThat(LOG).containsExactly("middleware returned", "task", "session closed");
  }

  @Test
  void background_tasks_and_late_cleanups_run_when_a_middleware_replaces_the_response()
      throws Exception {
    Snel app =
        app()
            .middleware(
                (request, next) -> {
                  Response inner = next.proceed(request);
                  return Response.text("replaced: " + inner.bodyText());
                });
    release.countDown();
    TestResponse response = TestClient.of(app).get("/notify");
    assertThat(response.text()).isEqualTo("replaced: \"queued\"");
    assertThat(taskDone.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(app.awaitBackgroundTasks(java.time.Duration.ofSeconds(10))).isTrue();
    assertThat(LOG).containsExactly("task", "session closed");
  }

  @Test
  void late_cleanups_run_when_a_middleware_fails_after_the_route_answered() throws Exception {
    Snel app =
        app()
            .middleware(
                (request, next) -> {
                  next.proceed(request);
                  throw new IllegalStateException("a broken middleware");
                });
    release.countDown();
    TestResponse response = TestClient.of(app).get("/notify");
    assertThat(response.status()).isEqualTo(500);
    assertThat(taskDone.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(app.awaitBackgroundTasks(java.time.Duration.ofSeconds(10))).isTrue();
    assertThat(LOG).containsExactly("task", "session closed");
  }

  @Test
  void a_route_that_fails_unhandled_runs_no_tasks_but_closes_its_session() {
    Snel app = app().middleware((request, next) -> next.proceed(request));
    TestResponse response = TestClient.of(app).get("/boom-with-session");
    assertThat(response.status()).isEqualTo(500);
    assertThat(app.awaitBackgroundTasks(java.time.Duration.ofSeconds(10))).isTrue();
    assertThat(LOG).containsExactly("session closed");
  }

  @Test
  void a_middleware_that_throws_is_answered_with_500() {
    Snel app =
        app()
            .middleware(
                (request, next) -> {
                  throw new java.io.IOException("disk full");
                });
    assertThat(TestClient.of(app).get("/items/1").status()).isEqualTo(500);
  }
}
