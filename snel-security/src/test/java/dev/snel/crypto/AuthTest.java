package dev.snel.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/security.md's example, as a client sees it. */
class AuthTest {
  private static final Jwt JWT =
      Jwt.hs256FromEnvironment(
              "SNEL_JWT_SECRET",
              name -> "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7")
          .withLifetime(Duration.ofMinutes(30));
  private static final PasswordHasher HASHER = PasswordHasher.argon2id(64, 1, 1);

  private final TestClient client =
      TestClient.of(
          Snel.create()
              .include(
                  new Auth(JWT, HASHER, Map.of("johndoe", HASHER.hash("secret".toCharArray())))));

  private static TestResponse login(TestClient client, String username, String password) {
    return client.post("/token", Map.of("username", username, "password", password));
  }

  @Test
  void a_login_gives_a_bearer_token_that_opens_the_protected_route() {
    TestResponse login = login(client, "johndoe", "secret");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().get("token_type").asString()).isEqualTo("bearer");
    String token = login.json().get("access_token").asString();

    TestResponse me =
        client.request("GET", "/users/me").header("Authorization", "Bearer " + token).send();

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json()).isEqualTo(TestClient.json("{\"username\":\"johndoe\",\"scopes\":[]}"));
  }

  @Test
  void a_wrong_password_and_an_unknown_user_get_the_same_401() {
    TestResponse wrong = login(client, "johndoe", "nope");
    TestResponse unknown = login(client, "alice", "secret");

    for (TestResponse response : new TestResponse[] {wrong, unknown}) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("www-authenticate")).contains("Bearer");
      assertThat(response.json())
          .isEqualTo(TestClient.json("{\"detail\":\"Incorrect username or password\"}"));
    }
  }

  @Test
  void the_protected_route_answers_401_without_a_token_or_with_a_bad_one() {
    TestResponse none = client.get("/users/me");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json()).isEqualTo(TestClient.json("{\"detail\":\"Not authenticated\"}"));

    String foreign =
        Jwt.hs256("another-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8))
            .issue("johndoe");
    TestResponse bad =
        client.request("GET", "/users/me").header("Authorization", "Bearer " + foreign).send();
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.header("www-authenticate")).contains("Bearer");
    assertThat(bad.json())
        .isEqualTo(TestClient.json("{\"detail\":\"Could not validate credentials\"}"));
  }
}
