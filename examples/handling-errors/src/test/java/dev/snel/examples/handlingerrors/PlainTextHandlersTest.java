package dev.snel.examples.handlingerrors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Main#plainTextApp()}: the built-in handlers of HTTP and validation errors replaced. */
class PlainTextHandlersTest {
  @AutoClose
  private static final SnelServer server =
      SnelServer.start(Main.plainTextApp(), ServerConfig.defaults().port(0));

  static Stream<TestClient> clients() {
    return Stream.of(TestClient.of(Main.plainTextApp()), TestClient.of(server.baseUri()));
  }

  static void assertText(TestResponse response, int status, String body) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("content-type")).contains("text/plain; charset=utf-8");
    assertThat(response.text()).isEqualTo(body);
  }

  @ParameterizedTest
  @MethodSource("clients")
  void answers_http_errors_with_their_detail_as_text(TestClient client) {
    assertText(client.get("/items/bar"), 404, "Item not found");
    assertText(client.get("/nope"), 404, "Not Found");
    assertText(client.get("/teapot"), 418, "I'm a Teapot");
    assertText(client.get("/conflict"), 409, "Duplicate[code=duplicate_name, name=foo]");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void keeps_the_headers_of_the_exception(TestClient client) {
    TestResponse header = client.get("/items-header/bar");
    assertText(header, 404, "Item not found");
    assertThat(header.header("x-error")).contains("no such item");
    TestResponse notAllowed = client.request("POST", "/items/foo").send();
    assertText(notAllowed, 405, "Method Not Allowed");
    assertThat(notAllowed.header("allow")).contains("GET");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void answers_invalid_requests_with_400_and_one_line_per_problem(TestClient client) {
    assertText(
        client.get("/numbers/x"),
        400,
        "[path, n]: Input should be a valid integer, unable to parse string as an integer");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void leaves_successes_and_500s_alone(TestClient client) {
    TestResponse ok = client.get("/items/foo");
    assertThat(ok.header("content-type")).contains("application/json");
    assertThat(ok.text()).isEqualTo("{\"item\":\"A very fine foo\"}");
    TestResponse failed = client.get("/state");
    assertText(failed, 500, "Internal Server Error");
    assertThat(failed.header("x-request-id")).isPresent();
  }
}
