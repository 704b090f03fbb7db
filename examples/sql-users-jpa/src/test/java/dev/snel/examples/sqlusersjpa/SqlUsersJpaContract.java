package dev.snel.examples.sqlusersjpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Snel;
import dev.snel.crypto.PasswordHasher;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's CRUD chapter on one database, in-process and through the real server: the same wire
 * behaviour as the FastAPI app, the password stored as a hash and never sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SqlUsersJpaContract {
  // cheap Argon2id parameters: the tests check behaviour, not the cost of a hash
  static final PasswordHasher HASHER = PasswordHasher.argon2id(1024, 1, 1);

  private Snel app;
  private SnelServer server;
  private String jdbcUrl;

  /** The DATABASE_URL for a fresh, empty database or schema; skips the class if it is not up. */
  abstract String databaseUrl();

  /** Drops what {@link #databaseUrl()} made. */
  abstract void drop() throws Exception;

  static String uniqueName() {
    return "snel_jpa_ex_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @BeforeAll
  void start() {
    String url = databaseUrl();
    jdbcUrl = Main.jdbcUrl(url, new com.zaxxer.hikari.HikariConfig());
    app = Main.app(url, HASHER);
    server = SnelServer.start(app, ServerConfig.defaults().port(0));
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    drop();
  }

  Stream<TestClient> clients() {
    return Stream.of(TestClient.of(app), TestClient.of(server.baseUri()));
  }

  static String email() {
    return UUID.randomUUID() + "@example.com";
  }

  String storedHash(String email) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement query =
            connection.prepareStatement("select hashed_password from users where email = ?")) {
      query.setString(1, email);
      try (ResultSet result = query.executeQuery()) {
        assertThat(result.next()).isTrue();
        return result.getString(1);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("clients")
  void creates_a_user_with_a_hashed_password_and_reads_it(TestClient client) throws SQLException {
    String email = email();
    TestResponse created =
        client.post("/users/", Map.of("email", email, "password", "chimichangas4life"));
    assertThat(created.status()).as(created.text()).isEqualTo(200);
    long id = created.json().get("id").asLong();
    assertThat(created.text())
        .isEqualTo("{\"id\":" + id + ",\"email\":\"" + email + "\",\"is_active\":true}");
    String hash = storedHash(email);
    assertThat(hash).doesNotContain("chimichangas4life");
    assertThat(HASHER.verify("chimichangas4life".toCharArray(), hash)).isTrue();

    TestResponse read = client.get("/users/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.text()).isEqualTo(created.text());
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_registered_email_is_a_400(TestClient client) {
    String email = email();
    assertThat(client.post("/users/", Map.of("email", email, "password", "a")).status())
        .isEqualTo(200);
    TestResponse again = client.post("/users/", Map.of("email", email, "password", "b"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.text()).isEqualTo("{\"detail\":\"Email already registered\"}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void an_unknown_user_is_a_404(TestClient client) {
    TestResponse missing = client.get("/users/424242");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.text()).isEqualTo("{\"detail\":\"User not found\"}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_user_without_a_password_is_a_422(TestClient client) {
    TestResponse response = client.post("/users/", Map.of("email", email()));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("detail").get(0).get("loc").toString())
        .isEqualTo("[\"body\",\"password\"]");
  }
}
