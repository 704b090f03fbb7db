package dev.snel.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.BackgroundTasks;
import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app's life: FastAPI's {@code lifespan} and startup/shutdown events, and objects made at
 * startup and closed at shutdown ({@link Snel#provide}).
 */
class LifespanTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    LOG.clear();
  }

  /** What a lifespan would set up for handlers: a model, a pool. */
  public static final class Models implements AutoCloseable {
    static final AtomicInteger MADE = new AtomicInteger();
    final Map<String, Double> models = Map.of("answer_to_everything", 42.0);

    Models() {
      MADE.incrementAndGet();
      LOG.add("models loaded");
    }

    @Override
    public void close() {
      LOG.add("models released");
    }
  }

  public static class Routes {
    @Get("/predict")
    public Map<String, Double> predict(Models models, double x) {
      return Map.of("result", models.models.get("answer_to_everything") * x);
    }

    @Post("/later")
    public String later(BackgroundTasks tasks) {
      tasks.add(() -> LOG.add("background task"));
      return "queued";
    }
  }

  private static Snel lifespan(Snel app, String name) {
    return app.lifespan(
        () -> {
          LOG.add(name + " set up");
          return () -> LOG.add(name + " torn down");
        });
  }

  @Test
  void
      setups_and_startup_hooks_run_in_declaration_order_and_teardowns_in_reverse_after_the_shutdown_hooks() {
    Snel app = Snel.create();
    lifespan(app, "database");
    app.onStartup(() -> LOG.add("startup hook"));
    app.onShutdown(() -> LOG.add("first shutdown hook"));
    lifespan(app, "cache");
    app.onShutdown(() -> LOG.add("second shutdown hook"));

    app.start();
    assertThat(LOG).containsExactly("database set up", "startup hook", "cache set up");
    LOG.clear();
    app.close();
    assertThat(LOG)
        .containsExactly(
            "first shutdown hook", "second shutdown hook", "cache torn down", "database torn down");
  }

  @Test
  void starting_or_closing_twice_does_nothing_the_second_time() {
    Snel app = lifespan(Snel.create(), "database");
    app.start();
    app.start();
    app.close();
    app.close();
    assertThat(LOG).containsExactly("database set up", "database torn down");
  }

  @Test
  void closing_an_app_never_started_runs_no_teardown_and_no_shutdown_hook() {
    Snel app = lifespan(Snel.create(), "database");
    app.onShutdown(() -> LOG.add("shutdown hook"));
    app.close();
    assertThat(LOG).isEmpty();
  }

  @Test
  void a_provided_object_is_made_at_startup_and_closed_at_shutdown() {
    Models.MADE.set(0);
    Snel app = Snel.create().provide(Models.class, Models::new).include(new Routes());
    assertThat(Models.MADE).hasValue(0);

    try (TestClient client = TestClient.withLifespan(app)) {
      assertThat(LOG).containsExactly("models loaded");
      TestResponse response = client.get("/predict?x=2");
      assertThat(response.json()).isEqualTo(TestClient.json("{\"result\":84.0}"));
      client.get("/predict?x=3");
      assertThat(Models.MADE).hasValue(1);
    }
    assertThat(LOG).containsExactly("models loaded", "models released");
  }

  @Test
  void without_a_start_a_provided_object_is_made_by_the_first_request_that_needs_it() {
    Models.MADE.set(0);
    Snel app = Snel.create().provide(Models.class, Models::new).include(new Routes());
    TestClient client = TestClient.of(app);
    assertThat(Models.MADE).hasValue(0);
    assertThat(client.get("/predict?x=1").status()).isEqualTo(200);
    assertThat(Models.MADE).hasValue(1);
    app.close();
    assertThat(LOG).containsExactly("models loaded", "models released");
  }

  @Test
  void a_failing_setup_undoes_the_steps_before_it_and_stops_the_start() {
    Snel app = lifespan(Snel.create(), "database").provide(Models.class, Models::new);
    app.onStartup(
        () -> {
          throw new IllegalStateException("the cache is unreachable");
        });
    lifespan(app, "never");
    app.onShutdown(() -> LOG.add("shutdown hook"));

    String errors;
    try (StderrCapture stderr = StderrCapture.start()) {
      assertThatThrownBy(app::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("step 3 of 4")
          .hasMessageContaining("the cache is unreachable");
      errors = stderr.text();
    }
    assertThat(LOG)
        .containsExactly(
            "database set up", "models loaded", "models released", "database torn down");
    assertThat(errors).contains("The app's startup failed (step 3 of 4)");
  }

  @Test
  void a_start_after_a_failed_start_tries_every_step_again() {
    AtomicInteger tries = new AtomicInteger();
    Snel app = lifespan(Snel.create(), "database");
    app.onStartup(
        () -> {
          if (tries.incrementAndGet() == 1) {
            throw new IllegalStateException("not yet");
          }
        });
    try (StderrCapture stderr = StderrCapture.start()) {
      assertThatThrownBy(app::start).hasMessageContaining("not yet");
    }
    app.start();
    app.close();
    assertThat(LOG)
        .containsExactly(
            "database set up", "database torn down", "database set up", "database torn down");
  }

  @Test
  void a_failing_teardown_or_shutdown_hook_is_logged_and_the_rest_still_run() {
    Snel app = lifespan(Snel.create(), "database");
    app.lifespan(
        () ->
            () -> {
              throw new IllegalStateException("teardown broke");
            });
    app.onShutdown(
        () -> {
          throw new IllegalStateException("hook broke");
        });
    app.onShutdown(() -> LOG.add("second shutdown hook"));
    app.start();
    String errors;
    try (StderrCapture stderr = StderrCapture.start()) {
      app.close();
      errors = stderr.text();
    }
    assertThat(LOG)
        .containsExactly("database set up", "second shutdown hook", "database torn down");
    assertThat(errors)
        .contains("A shutdown hook failed")
        .contains("hook broke")
        .contains("A teardown failed")
        .contains("teardown broke");
  }

  @Test
  void a_test_client_with_the_lifespan_starts_the_app_and_stops_it_when_closed() {
    Snel app = lifespan(Snel.create().include(new Routes()), "database");
    app.onShutdown(() -> LOG.add("shutdown hook"));
    try (TestClient client = TestClient.withLifespan(app)) {
      assertThat(LOG).containsExactly("database set up");
      assertThat(client.request("POST", "/later").send().status()).isEqualTo(200);
      // as Starlette's TestClient: the call returns once the request's tasks are done
      assertThat(LOG).containsExactly("database set up", "background task");
    }
    assertThat(LOG)
        .containsExactly(
            "database set up", "background task", "shutdown hook", "database torn down");
  }

  @Test
  void a_plain_test_client_does_not_start_the_app() {
    Snel app = lifespan(Snel.create().include(new Routes()), "database");
    try (TestClient client = TestClient.of(app)) {
      client.request("POST", "/later").send();
    }
    assertThat(LOG).containsExactly("background task");
  }
}
