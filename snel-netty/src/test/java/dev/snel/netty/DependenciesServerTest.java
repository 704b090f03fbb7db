package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.HttpException;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Dependencies, their cleanups and the app's singletons through the real server. */
class DependenciesServerTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  /** A pool the app owns: closed when the server stops. */
  public static final class Pool implements AutoCloseable {
    @Override
    public void close() {
      LOG.add("pool closed");
    }
  }

  public static final class GetCurrentUser {
    public static String get(
        @Header("authorization") String authorization, Pool pool, Scope scope) {
      if (!authorization.equals("Bearer geheim")) {
        throw new HttpException(
            401,
            "Invalid authentication credentials",
            java.util.Map.of("www-authenticate", "Bearer"));
      }
      scope.defer(failure -> LOG.add("session closed, failure=" + (failure != null)));
      return "johndoe";
    }
  }

  public static class Routes {
    @Get("/users/me")
    public String me(@Depends(GetCurrentUser.class) String user) {
      return user;
    }
  }

  @Test
  void a_dependency_guards_a_route_and_the_app_closes_its_singletons_when_the_server_stops() {
    LOG.clear();
    Snel app = Snel.create().provide(new Pool()).include(new Routes());
    try (SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0))) {
      TestClient client = TestClient.of(server.baseUri());
      TestResponse refused =
          client.request("GET", "/users/me").header("authorization", "Bearer nope").send();
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.header("www-authenticate")).contains("Bearer");
      assertThat(refused.json().get("detail").asText())
          .isEqualTo("Invalid authentication credentials");
      TestResponse admitted =
          client.request("GET", "/users/me").header("authorization", "Bearer geheim").send();
      assertThat(admitted.status()).isEqualTo(200);
      assertThat(admitted.json().asText()).isEqualTo("johndoe");
      assertThat(LOG).containsExactly("session closed, failure=false");
    }
    assertThat(LOG).containsExactly("session closed, failure=false", "pool closed");
  }
}
