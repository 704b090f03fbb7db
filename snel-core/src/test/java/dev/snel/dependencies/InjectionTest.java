package dev.snel.dependencies;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.HttpException;
import dev.snel.RouteDefinitionException;
import dev.snel.Router;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Overrides, provided singletons, app-scoped dependency instances, router and app dependencies, and
 * scopes outside a request.
 */
class InjectionTest {

  public record User(String name) {}

  public static final class GetCurrentUser {
    public static User get(@Header("authorization") String authorization) {
      if (!authorization.equals("Bearer alice")) {
        throw new HttpException(401, "Invalid authentication credentials");
      }
      return new User("alice");
    }
  }

  public static class Me {
    @Get("/users/me")
    public User me(@Depends(GetCurrentUser.class) User user) {
      return user;
    }
  }

  /** A replacement reading something else from the request: compiled for the route it serves. */
  public static final class FakeUser {
    public User get(Optional<String> as) {
      return new User(as.orElse("test-user"));
    }
  }

  @Test
  void an_override_replaces_a_dependency_until_closed() {
    Snel app = Snel.create().include(new Me());
    TestClient client = TestClient.of(app);
    assertThat(client.get("/users/me").status()).isEqualTo(422);
    try (var override = app.override(GetCurrentUser.class, new FakeUser())) {
      assertThat(client.get("/users/me").json()).isEqualTo(json("{\"name\":\"test-user\"}"));
      assertThat(client.get("/users/me?as=bob").json()).isEqualTo(json("{\"name\":\"bob\"}"));
    }
    assertThat(client.get("/users/me").status()).isEqualTo(422);
    TestResponse real =
        client.request("GET", "/users/me").header("authorization", "Bearer alice").send();
    assertThat(real.json()).isEqualTo(json("{\"name\":\"alice\"}"));
  }

  @Test
  void an_override_needs_one_public_method() {
    Snel app = Snel.create().include(new Me());
    assertThatThrownBy(() -> app.override(GetCurrentUser.class, "not a dependency"))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("a dependency class has exactly one");
  }

  /** An app-scoped object: provided once, closed with the app. */
  public static final class Repository implements AutoCloseable {
    final List<String> closed;
    final String name;

    Repository(String name, List<String> closed) {
      this.name = name;
      this.closed = closed;
    }

    @Override
    public void close() {
      closed.add(name);
    }
  }

  /** A dependency whose instance the app creates once, from the provided repository. */
  public static final class UserService implements AutoCloseable {
    static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private final Repository repository;

    public UserService(Repository repository) {
      this.repository = repository;
      CREATED.add("service");
    }

    public String describe(Optional<String> q) {
      return repository.name + ":" + q.orElse("");
    }

    @Override
    public void close() {
      repository.closed.add("service");
    }
  }

  public static class Services {
    @Get("/repo")
    public String repo(Repository repository) {
      return repository.name;
    }

    @Get("/service")
    public String service(@Depends(UserService.class) String description) {
      return description;
    }
  }

  @Test
  void provided_singletons_and_app_scoped_instances_live_once_and_close_in_reverse_order() {
    List<String> closed = new CopyOnWriteArrayList<>();
    UserService.CREATED.clear();
    Snel app = Snel.create().provide(new Repository("repo", closed)).include(new Services());
    assertThat(UserService.CREATED).isEmpty(); // made when first needed
    TestClient client = TestClient.of(app);
    assertThat(client.get("/repo").json().asText()).isEqualTo("repo");
    assertThat(client.get("/service?q=1").json().asText()).isEqualTo("repo:1");
    assertThat(client.get("/service?q=2").json().asText()).isEqualTo("repo:2");
    assertThat(UserService.CREATED).containsExactly("service");
    app.close();
    assertThat(closed).containsExactly("service", "repo");
  }

  /** Records the order side-effect dependencies run in. */
  public static final class Trail {
    static final List<String> RUN = new CopyOnWriteArrayList<>();
  }

  public static final class AppCheck {
    public static void check() {
      Trail.RUN.add("app");
    }
  }

  public static final class RouterCheck {
    public static void check(@Header("x-key") String key) {
      Trail.RUN.add("router");
      if (!key.equals("fake-super-secret-key")) {
        throw new HttpException(400, "X-Key header invalid");
      }
    }
  }

  @Depends(ClassCheck.class)
  public static class Guarded {
    @Get("/items/")
    @Depends(MethodCheck.class)
    public String items() {
      Trail.RUN.add("handler");
      return "items";
    }
  }

  public static final class ClassCheck {
    public static void check() {
      Trail.RUN.add("class");
    }
  }

  public static final class MethodCheck {
    public static void check() {
      Trail.RUN.add("method");
    }
  }

  @Test
  void app_router_class_and_method_dependencies_run_in_that_order_before_the_handler() {
    Snel app =
        Snel.create()
            .dependencies(AppCheck.class)
            .include(
                Router.withPrefix("/r").dependencies(RouterCheck.class).include(new Guarded()));
    TestClient client = TestClient.of(app);
    Trail.RUN.clear();
    TestResponse ok =
        client.request("GET", "/r/items/").header("x-key", "fake-super-secret-key").send();
    assertThat(ok.json().asText()).isEqualTo("items");
    assertThat(Trail.RUN).containsExactly("app", "router", "class", "method", "handler");
    Trail.RUN.clear();
    TestResponse refused = client.request("GET", "/r/items/").header("x-key", "nope").send();
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json()).isEqualTo(json("{\"detail\":\"X-Key header invalid\"}"));
    assertThat(Trail.RUN).containsExactly("app", "router");
    TestResponse missing = client.get("/r/items/");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().get("detail").get(0).get("loc"))
        .isEqualTo(json("[\"header\",\"x-key\"]"));
  }

  @Test
  void app_dependencies_are_declared_before_routes() {
    Snel app = Snel.create().include(new Me());
    assertThatThrownBy(() -> app.dependencies(AppCheck.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before including routes");
  }

  /** A dependency usable outside a request: a session, with a cleanup. */
  public static final class GetSession {
    static final List<String> LOG = new CopyOnWriteArrayList<>();

    public static String open(Repository repository, Scope scope) {
      LOG.add("open");
      scope.defer(failure -> LOG.add("close"));
      return "session on " + repository.name;
    }
  }

  public static final class Report {
    public static String build(@Depends(GetSession.class) String session) {
      return "report with " + session;
    }
  }

  @Test
  void the_same_dependencies_resolve_outside_a_request_with_a_scope_of_their_own() {
    Snel app = Snel.create().provide(new Repository("db", new CopyOnWriteArrayList<>()));
    GetSession.LOG.clear();
    try (Scope scope = app.openScope()) {
      assertThat(scope.get(Report.class, String.class)).isEqualTo("report with session on db");
      assertThat(scope.get(GetSession.class, String.class)).isEqualTo("session on db");
      assertThat(scope.get(Repository.class).name).isEqualTo("db");
      assertThat(GetSession.LOG).containsExactly("open");
    }
    assertThat(GetSession.LOG).containsExactly("open", "close");
  }

  @Test
  void a_dependency_reading_the_request_cannot_be_resolved_outside_one() {
    Snel app = Snel.create();
    try (Scope scope = app.openScope()) {
      assertThatThrownBy(() -> scope.get(GetCurrentUser.class, User.class))
          .isInstanceOf(RouteDefinitionException.class)
          .hasMessageContaining("parameter 'authorization'")
          .hasMessageContaining("resolved without one");
    }
  }
}
