package dev.snel.security;

import static dev.snel.security.Calls.assertNotAuthenticated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.Get;
import dev.snel.RouteDefinitionException;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A scheme on a parameter of the wrong type fails at startup, naming the route and the parameter; a
 * scheme is solved like FastAPI's sub-dependency, before the handler's own parameters.
 */
class SchemeDeclarationTest {
  public static class NotOptionalWithoutAutoError {
    @Get("/me")
    public String readMe(
        @OAuth2PasswordBearer(tokenUrl = "token", autoError = false) String token) {
      return token;
    }
  }

  public static class WrongValueType {
    @Get("/me")
    public String readMe(@HttpBasic String credentials) {
      return credentials;
    }
  }

  public static class WrongOptionalType {
    @Get("/me")
    public String readMe(@ApiKeyQuery(name = "key", autoError = false) Optional<Integer> key) {
      return "";
    }
  }

  @Test
  void without_auto_error_the_parameter_must_be_an_optional() {
    assertThatThrownBy(() -> Snel.create().include(new NotOptionalWithoutAutoError()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("NotOptionalWithoutAutoError.readMe")
        .hasMessageContaining("parameter 'token'")
        .hasMessageContaining("Optional<String>");
  }

  @Test
  void the_parameter_must_have_the_type_the_scheme_gives() {
    assertThatThrownBy(() -> Snel.create().include(new WrongValueType()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("WrongValueType.readMe")
        .hasMessageContaining("parameter 'credentials'")
        .hasMessageContaining("@HttpBasic gives a HttpBasicCredentials");
    assertThatThrownBy(() -> Snel.create().include(new WrongOptionalType()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("parameter 'key'")
        .hasMessageContaining("Optional<String>");
  }

  public static class SchemeAndQuery {
    @Get("/items")
    public String items(int limit, @ApiKeyHeader(name = "X-Key") String key) {
      return key + limit;
    }
  }

  @Test
  void a_missing_credential_is_answered_before_the_handlers_own_validation_errors() {
    TestClient client = TestClient.of(Snel.create().include(new SchemeAndQuery()));
    assertNotAuthenticated(client.get("/items?limit=x"), "APIKey");
    var invalid = client.request("GET", "/items?limit=x").header("X-Key", "k").send();
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(
            client.request("GET", "/items?limit=3").header("X-Key", "k").send().json().asString())
        .isEqualTo("k3");
  }
}
