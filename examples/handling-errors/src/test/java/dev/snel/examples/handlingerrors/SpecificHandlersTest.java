package dev.snel.examples.handlingerrors;

import static dev.snel.examples.handlingerrors.BuiltInHandlersTest.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Main#specificApp()}: the handler registered nearest to the thrown class answers. */
class SpecificHandlersTest {
  @AutoClose
  private static final SnelServer server =
      SnelServer.start(Main.specificApp(), ServerConfig.defaults().port(0));

  static Stream<TestClient> clients() {
    return Stream.of(TestClient.of(Main.specificApp()), TestClient.of(server.baseUri()));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_number_format_exception_gets_the_illegal_argument_handler(TestClient client) {
    assertJson(
        client.get("/parse/xx"),
        400,
        "{\"detail\":\"Bad argument: For input string: \\\"xx\\\"\"}");
    assertJson(client.get("/parse/12"), 200, "{\"number\":12}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void an_illegal_state_exception_gets_the_runtime_exception_handler(TestClient client) {
    TestResponse response = client.get("/state");
    assertJson(response, 500, "{\"detail\":\"Internal Server Error\"}");
    assertThat(response.header("x-request-id")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("clients")
  void http_exceptions_keep_the_nearer_built_in_handler(TestClient client) {
    assertJson(client.get("/items/bar"), 404, "{\"detail\":\"Item not found\"}");
    assertJson(client.get("/nope"), 404, "{\"detail\":\"Not Found\"}");
    assertJson(client.get("/later"), 503, "{\"detail\":\"Try again later\"}");
    assertThat(client.request("POST", "/items/foo").send().header("allow")).contains("GET");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void validation_errors_keep_the_nearer_built_in_handler(TestClient client) {
    assertThat(client.get("/numbers/x").status()).isEqualTo(422);
  }
}
