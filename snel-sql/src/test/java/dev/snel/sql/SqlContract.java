package dev.snel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every database must show, run against SQLite, PostgreSQL and MariaDB by the
 * subclasses; each test on a database of its own.
 */
abstract class SqlContract {
  TestDatabase db;
  Snel app;
  TestClient client;
  Database database;

  abstract TestDatabase newDatabase();

  DatabaseConfig config() {
    return DatabaseConfig.of(db.url())
        .poolSize(2)
        .maxOverflow(0)
        .timeout(Duration.ofMillis(500))
        .migrations("classpath:db/migration");
  }

  void start(DatabaseConfig config) {
    app = Snel.create();
    Sql.install(app, config);
    app.include(new Items()).include(new DatabaseHealth());
    client = TestClient.withLifespan(app);
    try (Scope scope = app.openScope()) {
      database = scope.get(Database.class);
    }
  }

  void start() {
    db = newDatabase();
    start(config());
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (db != null) {
      db.drop();
    }
  }

  private void assertAllConnectionsReturned() {
    assertThat(database.pool().getActiveConnections()).isZero();
  }

  @Test
  void migrates_at_start_and_commits_when_the_handler_returns() {
    start();
    TestResponse created = client.post("/items/1?name=apple", null);
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.text()).isEqualTo("{\"id\":1,\"name\":\"apple\"}");
    assertAllConnectionsReturned();

    TestResponse read = client.get("/items/1");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.text()).isEqualTo("{\"id\":1,\"name\":\"apple\"}");
    assertAllConnectionsReturned();
  }

  @Test
  void rolls_back_when_the_handler_raises_an_http_exception() {
    start();
    TestResponse response = client.post("/items/1/then-404?name=apple", null);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.text()).isEqualTo("{\"detail\":\"Nope\"}");
    assertAllConnectionsReturned();

    assertThat(client.get("/items/1").text()).isEqualTo("{\"detail\":\"Item not found\"}");
    assertAllConnectionsReturned();
  }

  @Test
  void commits_despite_an_http_exception_when_configured_to() {
    db = newDatabase();
    start(config().commitOnHttpException(true));
    assertThat(client.post("/items/1/then-404?name=apple", null).status()).isEqualTo(404);
    assertThat(client.get("/items/1").status()).isEqualTo(200);
    assertAllConnectionsReturned();
  }

  @Test
  void rolls_back_when_the_handler_fails() {
    start();
    TestResponse response = client.post("/items/1/then-fail?name=apple", null);
    assertThat(response.status()).isEqualTo(500);
    assertAllConnectionsReturned();

    assertThat(client.get("/items/1").status()).isEqualTo(404);
  }

  @Test
  void rolls_back_when_the_response_fails_to_encode() {
    start();
    TestResponse response = client.post("/items/1/unencodable?name=apple", null);
    assertThat(response.status()).isEqualTo(500);
    assertAllConnectionsReturned();

    assertThat(client.get("/items/1").status()).isEqualTo(404);
  }

  @Test
  void rolls_back_when_a_statement_fails() {
    start();
    // the primary key is taken by the first request; a second insert of it fails in the handler
    assertThat(client.post("/items/1?name=apple", null).status()).isEqualTo(200);
    assertThat(client.post("/items/1?name=pear", null).status()).isEqualTo(500);
    assertAllConnectionsReturned();
    assertThat(client.get("/items/1").text()).isEqualTo("{\"id\":1,\"name\":\"apple\"}");
  }

  @Test
  void answers_503_when_no_connection_comes_free_in_time_and_recovers() throws Exception {
    start();
    List<Connection> held = new ArrayList<>();
    try {
      // the most the pool will open (it may not have opened them all yet)
      int size = ((HikariDataSource) database.dataSource()).getMaximumPoolSize();
      for (int i = 0; i < size; i++) {
        held.add(database.connection());
      }
      TestResponse busy = client.post("/items/1?name=apple", null);
      assertThat(busy.status()).isEqualTo(503);
      assertThat(busy.text()).isEqualTo("{\"detail\":\"Database busy, try again\"}");
      TestResponse health = client.get("/health");
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.text()).isEqualTo("{\"status\":\"unavailable\"}");
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
    assertAllConnectionsReturned();
    assertThat(client.get("/health").text()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(client.post("/items/1?name=apple", null).status()).isEqualTo(200);
    assertThat(client.get("/items/1").status()).isEqualTo(200);
  }
}
