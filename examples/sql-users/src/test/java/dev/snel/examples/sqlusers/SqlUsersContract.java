package dev.snel.examples.sqlusers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed app's wire behaviour, in-process and through the real server; the subclasses run it on
 * SQLite, PostgreSQL and MariaDB.
 */
abstract class SqlUsersContract {
  private Databases.Isolated db;
  private Snel app;

  abstract Databases.Isolated newDatabase();

  private TestClient inProcess() {
    db = newDatabase();
    app = Main.app(db.url());
    return TestClient.withLifespan(app);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (db != null) {
      db.drop().run();
    }
  }

  @Test
  void creates_a_user_and_answers_without_the_password() {
    TestClient client = inProcess();
    var created =
        client.post("/users/", Map.of("email", "alice@example.com", "password", "secret"));
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.text())
        .isEqualTo("{\"id\":1,\"email\":\"alice@example.com\",\"is_active\":true}");

    var read = client.get("/users/1");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.text()).isEqualTo(created.text());
  }

  @Test
  void rejects_an_email_already_registered_with_400() {
    TestClient client = inProcess();
    client.post("/users/", Map.of("email", "alice@example.com", "password", "secret"));
    var again = client.post("/users/", Map.of("email", "alice@example.com", "password", "other"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.text()).isEqualTo("{\"detail\":\"Email already registered\"}");
  }

  @Test
  void answers_404_for_a_user_not_there_and_422_for_a_non_integer_id() {
    TestClient client = inProcess();
    var missing = client.get("/users/42");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.text()).isEqualTo("{\"detail\":\"User not found\"}");
    assertThat(client.get("/users/abc").status()).isEqualTo(422);
  }

  @Test
  void stores_the_hashed_password_in_the_table() {
    TestClient client = inProcess();
    client.post("/users/", Map.of("email", "alice@example.com", "password", "secret"));
    try (var scope = app.openScope()) {
      String stored =
          scope
              .get(dev.snel.sql.Database.class)
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT hashed_password FROM users WHERE id = 1")
                          .mapTo(String.class)
                          .one());
      assertThat(stored).isEqualTo("secretnotreallyhashed");
    }
  }

  @Test
  void behaves_the_same_through_the_real_server() {
    db = newDatabase();
    app = Main.app(db.url());
    try (SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0));
        TestClient client = TestClient.of(server.baseUri())) {
      var created = client.post("/users/", Map.of("email", "bob@example.com", "password", "pw"));
      assertThat(created.status()).isEqualTo(200);
      assertThat(created.text())
          .isEqualTo("{\"id\":1,\"email\":\"bob@example.com\",\"is_active\":true}");
      assertThat(client.post("/users/", Map.of("email", "bob@example.com", "password", "x")).text())
          .isEqualTo("{\"detail\":\"Email already registered\"}");
      assertThat(client.get("/users/1").text()).isEqualTo(created.text());
      assertThat(client.get("/users/2").status()).isEqualTo(404);
    }
  }
}
