package dev.snel.examples.sqlusers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.sql.Database;
import dev.snel.sql.Transaction;
import dev.snel.testing.TestClient;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FastAPI's "Testing a Database": the session dependency overridden with a test database's. */
class OverrideGetDbTest {
  private final Databases.Isolated appDb = Databases.sqlite();
  private final Databases.Isolated testDb = Databases.sqlite();
  private Database testing;

  /** FastAPI's {@code override_get_db}: a transaction on the test database instead. */
  public static final class OverrideGetDb {
    private final Database testing;

    OverrideGetDb(Database testing) {
      this.testing = testing;
    }

    public Handle get(Scope scope) {
      Handle handle = testing.jdbi().open();
      handle.begin();
      scope.defer(
          failure -> {
            try (handle) {
              if (failure == null) {
                handle.commit();
              } else {
                handle.rollback();
              }
            }
          });
      return handle;
    }
  }

  @BeforeEach
  void openTestDatabase() {
    testing = Database.connect(testDb.url());
    Main.createAll(testing);
  }

  @AfterEach
  void drop() {
    testing.close();
    appDb.drop().run();
    testDb.drop().run();
  }

  @Test
  void creates_the_user_in_the_test_database() {
    Snel app = Main.app(appDb.url());
    try (var override = app.override(Transaction.class, new OverrideGetDb(testing));
        TestClient client = TestClient.withLifespan(app)) {
      var response =
          client.post(
              "/users/", Map.of("email", "deadpool@example.com", "password", "chimichangas4life"));
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().get("email").asString()).isEqualTo("deadpool@example.com");
      long userId = response.json().get("id").asLong();

      var read = client.get("/users/" + userId);
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.json().get("email").asString()).isEqualTo("deadpool@example.com");
    }
    long rows =
        testing
            .jdbi()
            .withHandle(h -> h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one());
    assertThat(rows).isEqualTo(1);
  }
}
