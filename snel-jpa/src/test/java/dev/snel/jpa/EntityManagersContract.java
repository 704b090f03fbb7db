package dev.snel.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request's EntityManager on one database, in-process and through the real server: the seed's
 * CRUD behaviour, commit on success, rollback on an HTTP error and on any other failure, the entity
 * manager closed and the connection back in the pool after every request. Each database runs it in
 * a schema (or file) of its own, dropped afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EntityManagersContract {
  private HikariDataSource pool;
  private Snel app;
  private SnelServer server;

  /** The pool's settings for this database, in a fresh schema; skips the class if it is not up. */
  abstract HikariConfig config();

  /** Properties for the unit on this database (its schema, say). */
  Jpa unit(Jpa jpa) {
    return jpa;
  }

  /** Drops what {@link #config()} made. */
  abstract void dropSchema() throws Exception;

  static String uniqueName() {
    return "snel_jpa_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @BeforeAll
  void start() {
    HikariConfig config = config();
    config.setMaximumPoolSize(4);
    pool = new HikariDataSource(config);
    app = UsersApp.app(pool, unit(Jpa.entities(User.class).createTables()));
    server = SnelServer.start(app, ServerConfig.defaults().port(0));
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.stop(); // closes the app: the factory, then the pool
      assertThat(pool.isClosed()).isTrue();
    }
    dropSchema();
  }

  @AfterEach
  void everyEntityManagerClosedAndEveryConnectionReturned() {
    assertThat(UsersApp.SEEN).isNotEmpty().noneMatch(EntityManager::isOpen);
    UsersApp.SEEN.clear();
    assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
  }

  Stream<TestClient> clients() {
    return Stream.of(TestClient.of(app), TestClient.of(server.baseUri()));
  }

  static String email() {
    return UUID.randomUUID() + "@example.com";
  }

  static TestResponse post(TestClient client, String path, String email) {
    return client.post(path, java.util.Map.of("email", email, "password", "secret"));
  }

  long rows(String email) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("select count(*) from users where email = '" + email + "'")) {
      result.next();
      return result.getLong(1);
    }
  }

  @ParameterizedTest
  @MethodSource("clients")
  void creates_a_user_and_reads_it_back_without_the_password(TestClient client)
      throws SQLException {
    String email = email();
    TestResponse created = post(client, "/users/", email);
    assertThat(created.status()).as(created.text()).isEqualTo(200);
    long id = created.json().get("id").asLong();
    assertThat(id).isPositive();
    assertThat(created.text())
        .isEqualTo("{\"id\":" + id + ",\"email\":\"" + email + "\",\"is_active\":true}");
    assertThat(rows(email)).isEqualTo(1); // committed
    TestResponse read = client.get("/users/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.text()).isEqualTo(created.text());
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_duplicate_email_is_a_400_and_keeps_one_row(TestClient client) throws SQLException {
    String email = email();
    assertThat(post(client, "/users/", email).status()).isEqualTo(200);
    TestResponse again = post(client, "/users/", email);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.text()).isEqualTo("{\"detail\":\"Email already registered\"}");
    assertThat(rows(email)).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("clients")
  void an_unknown_user_is_a_404(TestClient client) {
    TestResponse missing = client.get("/users/987654321");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.text()).isEqualTo("{\"detail\":\"User not found\"}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void an_http_error_after_a_write_rolls_it_back(TestClient client) throws SQLException {
    String email = email();
    TestResponse response = post(client, "/users/then-http-error", email);
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.text()).isEqualTo("{\"detail\":\"changed my mind\"}");
    assertThat(rows(email)).isZero();
  }

  @ParameterizedTest
  @MethodSource("clients")
  void any_other_failure_after_a_write_rolls_it_back(TestClient client) throws SQLException {
    String email = email();
    TestResponse response = post(client, "/users/then-crash", email);
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).isEqualTo("Internal Server Error");
    assertThat(rows(email)).isZero();
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_commit_that_fails_after_the_handler_returned_is_a_500(TestClient client)
      throws SQLException {
    String email = email();
    assertThat(post(client, "/users/unchecked", email).status()).isEqualTo(200);
    TestResponse duplicate = post(client, "/users/unchecked", email);
    assertThat(duplicate.status()).isEqualTo(500);
    assertThat(duplicate.text()).isEqualTo("Internal Server Error");
    assertThat(rows(email)).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("clients")
  void one_request_shares_one_entity_manager(TestClient client) {
    assertThat(client.get("/shared").text()).isEqualTo("true");
    assertThat(List.copyOf(UsersApp.SEEN)).hasSize(1);
  }
}
