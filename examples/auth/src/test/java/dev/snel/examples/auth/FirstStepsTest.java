package dev.snel.examples.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FastAPI's first security steps, in-process and over a real socket: the token reaches the route,
 * no token is FastAPI's 401, and the document describes the password flow.
 */
class FirstStepsTest {
  @AutoClose
  private static final SnelServer server =
      SnelServer.start(FirstStepsApp.app(), ServerConfig.defaults().port(0));

  static Stream<TestClient> clients() {
    return Stream.of(TestClient.of(FirstStepsApp.app()), TestClient.of(server.baseUri()));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void the_bearer_token_reaches_the_route(TestClient client) {
    TestResponse response =
        client.request("GET", "/items/").header("Authorization", "Bearer foobar").send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("{\"token\":\"foobar\"}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void no_token_is_401_not_authenticated_with_a_bearer_challenge(TestClient client) {
    TestResponse response = client.get("/items/");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.text()).isEqualTo("{\"detail\":\"Not authenticated\"}");
    assertThat(response.headers("www-authenticate")).containsExactly("Bearer");
  }

  @Test
  void the_document_describes_the_password_flow_and_the_requirement() {
    var document = TestClient.of(FirstStepsApp.app()).get("/openapi.json").json();
    assertThat(document.at("/components/securitySchemes").toString())
        .isEqualTo(
            "{\"OAuth2PasswordBearer\":{\"type\":\"oauth2\",\"flows\":{\"password\":"
                + "{\"scopes\":{},\"tokenUrl\":\"token\"}}}}");
    assertThat(document.at("/paths/~1items~1/get/security").toString())
        .isEqualTo("[{\"OAuth2PasswordBearer\":[]}]");
  }
}
