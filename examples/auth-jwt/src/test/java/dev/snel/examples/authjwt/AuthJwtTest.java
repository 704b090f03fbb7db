package dev.snel.examples.authjwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Snel;
import dev.snel.crypto.Jwt;
import dev.snel.crypto.PasswordHasher;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FastAPI's OAuth2-scopes tutorial flow, in-process and through the real server: Argon2id
 * passwords, signed expiring JWTs, scopes checked along the dependency chain, and the items
 * router's scope requirement.
 */
class AuthJwtTest {
  // cheap Argon2id parameters: the tests check behaviour, not the cost of a hash
  static final PasswordHasher HASHER = PasswordHasher.argon2id(1024, 1, 1);
  static final byte[] SECRET = random();
  static final Jwt JWT = Jwt.hs256(SECRET).withLifetime(Main.ACCESS_TOKEN_EXPIRE);
  static final Snel APP = Main.app(JWT, HASHER, Main.UsersDb.demo(HASHER));
  static final SnelServer SERVER = SnelServer.start(APP, ServerConfig.defaults().port(0));

  static byte[] random() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return secret;
  }

  @AfterAll
  static void stop() {
    SERVER.stop();
  }

  static Stream<TestClient> clients() {
    return Stream.of(TestClient.of(APP), TestClient.of(SERVER.baseUri()));
  }

  private static TestResponse login(TestClient client, String form) {
    return client
        .request("POST", "/token")
        .body(form.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
        .send();
  }

  private static String token(TestClient client, String form) {
    TestResponse response = login(client, form);
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    assertThat(response.json().get("token_type").asText()).isEqualTo("bearer");
    return response.json().get("access_token").asText();
  }

  private static TestResponse get(TestClient client, String path, String token) {
    return client.request("GET", path).header("authorization", "Bearer " + token).send();
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_token_with_both_scopes_reads_the_user_and_the_items(TestClient client) {
    String token = token(client, "username=johndoe&password=secret&scope=me items");
    assertThat(get(client, "/users/me/", token).text())
        .isEqualTo(
            "{\"username\":\"johndoe\",\"email\":\"johndoe@example.com\","
                + "\"full_name\":\"John Doe\",\"disabled\":false}");
    assertThat(get(client, "/users/me/items/", token).text())
        .isEqualTo("[{\"item_id\":\"Foo\",\"owner\":\"johndoe\"}]");
    assertThat(get(client, "/status/", token).text()).isEqualTo("{\"status\":\"ok\"}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_token_without_the_items_scope_is_refused_by_the_items_router(TestClient client) {
    String token = token(client, "username=johndoe&password=secret&scope=me");
    assertThat(get(client, "/users/me/", token).status()).isEqualTo(200);
    TestResponse items = get(client, "/users/me/items/", token);
    assertThat(items.status()).isEqualTo(401);
    assertThat(items.text()).isEqualTo("{\"detail\":\"Not enough permissions\"}");
    assertThat(items.header("www-authenticate")).contains("Bearer scope=\"items me\"");
    String none = token(client, "username=johndoe&password=secret");
    TestResponse me = get(client, "/users/me/", none);
    assertThat(me.status()).isEqualTo(401);
    assertThat(me.header("www-authenticate")).contains("Bearer scope=\"me\"");
    assertThat(get(client, "/status/", none).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @MethodSource("clients")
  void wrong_passwords_and_unknown_users_get_the_same_400(TestClient client) {
    for (String form :
        List.of("username=johndoe&password=wrong", "username=nobody&password=secret")) {
      TestResponse response = login(client, form);
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.text()).isEqualTo("{\"detail\":\"Incorrect username or password\"}");
    }
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_disabled_user_is_inactive(TestClient client) {
    String token = token(client, "username=alice&password=secret2&scope=me");
    TestResponse response = get(client, "/users/me/", token);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text()).isEqualTo("{\"detail\":\"Inactive user\"}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void tampered_expired_and_foreign_tokens_are_invalid_credentials(TestClient client) {
    String good = token(client, "username=johndoe&password=secret&scope=me");
    String[] parts = good.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "x." + parts[2];
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
    String expired =
        Jwt.hs256(SECRET)
            .withLifetime(Duration.ofMinutes(30))
            .withClock(past)
            .issue("johndoe", Map.of(), List.of("me"));
    String foreign = Jwt.hs256(random()).issue("johndoe", Map.of(), List.of("me"));
    String none = "eyJhbGciOiJub25lIn0." + parts[1] + ".";
    for (String token : List.of(tampered, expired, foreign, none, "not-a-jwt")) {
      TestResponse response = get(client, "/users/me/", token);
      assertThat(response.status()).as(token).isEqualTo(401);
      assertThat(response.text()).isEqualTo("{\"detail\":\"Could not validate credentials\"}");
      assertThat(response.header("www-authenticate")).contains("Bearer scope=\"me\"");
    }
  }

  @ParameterizedTest
  @MethodSource("clients")
  void no_token_is_fastapis_401(TestClient client) {
    TestResponse response = client.get("/users/me/items/");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.text()).isEqualTo("{\"detail\":\"Not authenticated\"}");
    assertThat(response.header("www-authenticate")).contains("Bearer");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void the_document_lists_the_scopes_each_route_requires(TestClient client) {
    var document = client.get("/openapi.json").json();
    assertThat(document.at("/paths/~1users~1me~1/get/security").toString())
        .isEqualTo("[{\"OAuth2PasswordBearer\":[\"me\"]}]");
    assertThat(document.at("/paths/~1users~1me~1items~1/get/security").toString())
        .isEqualTo("[{\"OAuth2PasswordBearer\":[\"items\",\"me\"]}]");
    assertThat(document.at("/paths/~1status~1/get/security").toString())
        .isEqualTo("[{\"OAuth2PasswordBearer\":[]}]");
    assertThat(document.at("/components/securitySchemes/OAuth2PasswordBearer").toString())
        .isEqualTo(
            "{\"type\":\"oauth2\",\"flows\":{\"password\":{\"scopes\":{\"me\":\"Read information"
                + " about the current user.\",\"items\":\"Read items.\"},\"tokenUrl\":\"token\"}}}");
  }
}
