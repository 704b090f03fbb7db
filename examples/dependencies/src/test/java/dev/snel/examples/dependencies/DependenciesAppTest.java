package dev.snel.examples.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import org.junit.jupiter.api.Test;

/** What the app as a whole does: dependencies of every route, and closing what it holds. */
class DependenciesAppTest {

  @Test
  void the_app_s_dependencies_run_for_every_route() {
    TestClient client = TestClient.of(Main.guardedApp());
    for (String path : new String[] {"/items/", "/users/"}) {
      // as in FastAPI: a dependency whose inputs are valid runs, and its exception answers at once
      TestResponse invalid = client.request("GET", path).header("X-Token", "invalid").send();
      assertThat(invalid.status()).isEqualTo(400);
      assertThat(invalid.text()).isEqualTo("{\"detail\":\"X-Token header invalid\"}");
      TestResponse response =
          client.request("GET", path).header("X-Token", "fake-super-secret-token").send();
      assertThat(response.status()).isEqualTo(422);
      assertThat(response.text())
          .isEqualTo(
              "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"header\",\"x-key\"],"
                  + "\"msg\":\"Field required\",\"input\":null}]}");
    }
    TestResponse items =
        client
            .request("GET", "/items/")
            .header("X-Token", "fake-super-secret-token")
            .header("X-Key", "fake-super-secret-key")
            .send();
    assertThat(items.text()).isEqualTo("[{\"item\":\"Portal Gun\"},{\"item\":\"Plumbus\"}]");
  }

  @Test
  void closing_the_app_closes_the_database_it_was_given() {
    Database database = new Database();
    Snel app = Main.app(database);
    TestClient.of(app).get("/notes/");
    app.close();
    assertThat(database.events()).last().isEqualTo("database closed");
  }

  @Test
  void a_scope_outside_a_request_closes_its_session_when_it_ends() {
    Database database = new Database();
    Main.app(database);
    assertThat(database.events())
        .containsExactly("session 1 opened", "session 1 committed", "session 1 closed");
  }
}
