package dev.snel.examples.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The seed's authentication flow on the wire, byte for byte as FastAPI 0.141 answers it. Run
 * in-process and over a real socket by the subclasses.
 */
abstract class AuthBehaviour {

  abstract TestClient client();

  private TestResponse token(String form) {
    return client()
        .request("POST", "/token")
        .body(form.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
        .send();
  }

  private TestResponse me(String authorization) {
    return client().request("GET", "/users/me").header("authorization", authorization).send();
  }

  @Test
  void johndoe_with_secret_gets_the_token() {
    TestResponse response = token("username=johndoe&password=secret");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.text())
        .isEqualTo("{\"access_token\":\"geheim-token-123\",\"token_type\":\"bearer\"}");
  }

  @Test
  void anything_else_is_refused_with_400() {
    for (String form :
        new String[] {"username=johndoe&password=wrong", "username=alice&password=secret"}) {
      TestResponse response = token(form);
      assertThat(response.status()).as(form).isEqualTo(400);
      assertThat(response.text()).isEqualTo("{\"detail\":\"Incorrect username or password\"}");
    }
  }

  @Test
  void a_form_without_the_password_is_a_422_naming_it() {
    TestResponse response = token("username=johndoe");
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"password\"],"
                + "\"msg\":\"Field required\",\"input\":null}]}");
  }

  @Test
  void an_empty_form_is_a_422_naming_both_fields() {
    TestResponse response = token("");
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"username\"],"
                + "\"msg\":\"Field required\",\"input\":null},"
                + "{\"type\":\"missing\",\"loc\":[\"body\",\"password\"],"
                + "\"msg\":\"Field required\",\"input\":null}]}");
  }

  @Test
  void the_token_shows_the_current_user() {
    TestResponse response = me("Bearer geheim-token-123");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text())
        .isEqualTo(
            "{\"username\":\"johndoe\",\"email\":\"johndoe@example.com\",\"disabled\":false}");
  }

  @Test
  void a_wrong_token_is_401_with_www_authenticate_bearer() {
    TestResponse response = me("Bearer nope");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("www-authenticate")).contains("Bearer");
    assertThat(response.text()).isEqualTo("{\"detail\":\"Invalid authentication credentials\"}");
  }

  @Test
  void a_missing_token_is_fastapis_401() {
    TestResponse response = client().get("/users/me");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("www-authenticate")).contains("Bearer");
    assertThat(response.text()).isEqualTo("{\"detail\":\"Not authenticated\"}");
  }

  @Test
  void another_scheme_is_no_token() {
    TestResponse response = me("Basic am9obmRvZTpzZWNyZXQ=");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.text()).isEqualTo("{\"detail\":\"Not authenticated\"}");
  }
}
