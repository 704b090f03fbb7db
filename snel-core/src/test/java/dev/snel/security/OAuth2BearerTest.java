package dev.snel.security;

import static dev.snel.security.Calls.assertNotAuthenticated;
import static dev.snel.security.Calls.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OAuth2PasswordBearer and OAuth2AuthorizationCodeBearer on the wire, as FastAPI 0.141 answers
 * (spec 1.1, 1.2): the token after {@code Bearer}, a bare {@code Bearer} giving "", 401 with {@code
 * WWW-Authenticate: Bearer} otherwise.
 */
class OAuth2BearerTest {
  public static class Routes {
    // oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
    // @app.get("/password") def password(token: Annotated[str, Depends(oauth2_scheme)]): return
    // token
    @Get("/password")
    public String password(@OAuth2PasswordBearer(tokenUrl = "token") String token) {
      return "[" + token + "]";
    }

    // OAuth2AuthorizationCodeBearer(authorizationUrl="authorize", tokenUrl="token")
    @Get("/code")
    public String code(
        @OAuth2AuthorizationCodeBearer(authorizationUrl = "authorize", tokenUrl = "token")
            String token) {
      return "[" + token + "]";
    }

    // OAuth2PasswordBearer(tokenUrl="token", auto_error=False): token: str | None
    @Get("/password-optional")
    public String passwordOptional(
        @OAuth2PasswordBearer(tokenUrl = "token", autoError = false) Optional<String> token) {
      return token.map(t -> "[" + t + "]").orElse("none");
    }

    @Get("/code-optional")
    public String codeOptional(
        @OAuth2AuthorizationCodeBearer(
                authorizationUrl = "authorize",
                tokenUrl = "token",
                autoError = false)
            Optional<String> token) {
      return token.map(t -> "[" + t + "]").orElse("none");
    }
  }

  private final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Bearer abc|[abc]",
        "bearer abc|[abc]",
        "BEARER abc|[abc]",
        "Bearer   abc  |[abc]",
        "Bearer a b|[a b]",
        "Bearer|[]",
        "'Bearer '|[]",
      })
  void the_token_follows_the_bearer_scheme_in_any_case_and_a_bare_bearer_gives_an_empty_token(
      String authorization, String body) {
    for (String route : new String[] {"/password", "/code"}) {
      var response = get(client, route, authorization);
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().asString()).isEqualTo(body);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Basic abc", " Bearer abc", "Bearer\tabc", "Token abc", "Bearerabc"})
  void another_scheme_or_an_empty_header_is_401_with_a_bearer_challenge(String authorization) {
    assertNotAuthenticated(get(client, "/password", authorization), "Bearer");
    assertNotAuthenticated(get(client, "/code", authorization), "Bearer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/password", "/code"})
  void no_authorization_header_is_401_with_a_bearer_challenge(String route) {
    assertNotAuthenticated(get(client, route, null), "Bearer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/password-optional", "/code-optional"})
  void without_auto_error_no_credentials_give_an_empty_optional(String route) {
    assertThat(get(client, route, null).json().asString()).isEqualTo("none");
    assertThat(get(client, route, "Basic abc").json().asString()).isEqualTo("none");
    assertThat(get(client, route, "Bearer abc").json().asString()).isEqualTo("[abc]");
    assertThat(get(client, route, "Bearer").json().asString()).isEqualTo("[]");
  }
}
