package dev.snel.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.BackgroundTasks;
import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mistakes and errors at the edges of a request still end in one answer, cleanups run. */
class FailureEdgesTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    LOG.clear();
  }

  public static class Routes {
    @Get("/x")
    public String x(BackgroundTasks tasks) {
      tasks.add(() -> LOG.add("task"));
      return "x";
    }
  }

  @Test
  void a_middleware_that_answers_null_gets_a_500_not_a_hang() {
    Snel app =
        Snel.create()
            .include(new Routes())
            .middleware(
                (request, next) -> request.path().equals("/x") ? null : next.proceed(request));
    TestResponse response = TestClient.of(app).get("/x");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).isEqualTo("Internal Server Error");
  }

  /** A record whose accessor throws an Error: encoding fails with it. */
  public record Broken(String name) {
    @Override
    public String name() {
      throw new AssertionError("broken accessor");
    }
  }

  public static final class Session {
    public static String open(Scope scope) {
      scope.defer(failure -> LOG.add("cleanup saw " + (failure == null ? "nothing" : "a failure")));
      return "session";
    }
  }

  public static class Encoding {
    @Get("/broken")
    public Broken broken(@Depends(Session.class) String session) {
      return new Broken("x");
    }
  }

  @Test
  void an_error_while_encoding_is_answered_and_the_cleanups_see_it() {
    TestResponse response = TestClient.of(Snel.create().include(new Encoding())).get("/broken");
    assertThat(response.status()).isEqualTo(500);
    assertThat(LOG).containsExactly("cleanup saw a failure");
  }

  /** An app-wide resource the app owns and closes once, at its end. */
  public static final class Client implements AutoCloseable {
    @Override
    public void close() {
      LOG.add("client closed");
    }
  }

  public static final class PassOn {
    public static Client get(Client client) {
      return client;
    }
  }

  public static class Shared {
    @Get("/shared")
    public String shared(@Depends(PassOn.class) Client client) {
      return "ok";
    }
  }

  @Test
  void a_singleton_a_dependency_passes_on_is_closed_by_the_app_not_by_each_request() {
    Snel app = Snel.create().provide(new Client()).include(new Shared());
    TestClient client = TestClient.of(app);
    assertThat(client.get("/shared").status()).isEqualTo(200);
    assertThat(client.get("/shared").status()).isEqualTo(200);
    assertThat(LOG).isEmpty();
    app.close();
    assertThat(LOG).containsExactly("client closed");
  }

  public static final class Resource {
    public static String open(Scope scope) {
      scope.defer(failure -> LOG.add("closed"));
      return "resource";
    }
  }

  public static final class Job {
    public static String run(@Depends(Resource.class) String resource, BackgroundTasks tasks) {
      tasks.add(() -> LOG.add("task used " + resource));
      return "job";
    }
  }

  @Test
  void outside_a_request_the_tasks_run_before_the_cleanups() {
    Snel app = Snel.create();
    try (Scope scope = app.openScope()) {
      assertThat(scope.get(Job.class, String.class)).isEqualTo("job");
    }
    assertThat(LOG).containsExactly("task used resource", "closed");
  }
}
