package dev.snel.examples.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * FastAPI's HTTP Basic tutorial on the wire, as FastAPI 0.141 answers it: the credentials, the
 * scheme's 401 without them (a plain {@code Basic} challenge, or one naming the realm), and the
 * dependency's 401 for wrong ones. Run in-process and over a real socket by the subclasses.
 */
abstract class HttpBasicBehaviour {

  abstract TestClient client();

  static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private TestResponse get(String target, @Nullable String authorization) {
    TestClient.Call call = client().request("GET", target);
    if (authorization != null) {
      call.header("Authorization", authorization);
    }
    return call.send();
  }

  private static void assertUnauthorized(TestResponse response, String detail, String challenge) {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.text()).isEqualTo("{\"detail\":\"" + detail + "\"}");
    assertThat(response.headers("www-authenticate")).containsExactly(challenge);
    assertThat(response.header("content-type")).contains("application/json");
  }

  @Test
  void the_right_user_name_and_password_show_the_user() {
    TestResponse response = get("/users/me", basic("stanleyjobson", "swordfish"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("{\"username\":\"stanleyjobson\"}");
    assertThat(get("/reports", basic("stanleyjobson", "swordfish")).text())
        .isEqualTo("{\"reports_for\":\"stanleyjobson\"}");
  }

  @Test
  void no_credentials_is_the_schemes_401_with_a_basic_challenge() {
    assertUnauthorized(get("/users/me", null), "Not authenticated", "Basic");
    assertUnauthorized(get("/users/me", "Bearer abc"), "Not authenticated", "Basic");
  }

  @Test
  void with_a_realm_the_challenge_names_it() {
    assertUnauthorized(get("/reports", null), "Not authenticated", "Basic realm=\"reports\"");
  }

  @Test
  void a_payload_that_is_not_base64_of_name_colon_password_is_the_schemes_401() {
    assertUnauthorized(get("/users/me", "Basic bm9jb2xvbg=="), "Not authenticated", "Basic");
    assertUnauthorized(get("/users/me", "Basic dXNlcjpwYXN"), "Not authenticated", "Basic");
  }

  @Test
  void a_wrong_password_or_user_is_401_incorrect_username_or_password() {
    for (String authorization :
        new String[] {
          basic("stanleyjobson", "wrong"),
          basic("alice", "swordfish"),
          basic("stanleyjobso", "swordfis"),
          basic("", "")
        }) {
      assertUnauthorized(
          get("/users/me", authorization), "Incorrect username or password", "Basic");
      assertUnauthorized(
          get("/reports", authorization),
          "Incorrect username or password",
          "Basic realm=\"reports\"");
    }
  }

  @Test
  void the_document_has_an_http_basic_scheme_without_the_realm() {
    var document = client().get("/openapi.json").json();
    assertThat(document.at("/components/securitySchemes").toString())
        .isEqualTo("{\"HTTPBasic\":{\"type\":\"http\",\"scheme\":\"basic\"}}");
    assertThat(document.at("/paths/~1users~1me/get/security").toString())
        .isEqualTo("[{\"HTTPBasic\":[]}]");
  }
}
