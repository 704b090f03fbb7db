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

/** {@link Main#app()}: HttpException and Snel's own errors through the built-in handlers. */
class BuiltInHandlersTest {
  @AutoClose
  private static final SnelServer server =
      SnelServer.start(Main.app(), ServerConfig.defaults().port(0));

  static Stream<TestClient> clients() {
    return Stream.of(TestClient.of(Main.app()), TestClient.of(server.baseUri()));
  }

  static void assertJson(TestResponse response, int status, String body) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.text()).isEqualTo(body);
  }

  @ParameterizedTest
  @MethodSource("clients")
  void answers_a_known_item(TestClient client) {
    assertJson(client.get("/items/foo"), 200, "{\"item\":\"A very fine foo\"}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void answers_an_unknown_item_with_the_status_and_detail_of_the_exception(TestClient client) {
    TestResponse response = client.get("/items/bar");
    assertJson(response, 404, "{\"detail\":\"Item not found\"}");
    assertThat(response.header("x-error")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_detail_can_be_any_json_value(TestClient client) {
    assertJson(
        client.get("/conflict"),
        409,
        "{\"detail\":{\"code\":\"duplicate_name\",\"name\":\"foo\"}}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void without_a_detail_the_reason_phrase_is_the_detail(TestClient client) {
    assertJson(client.get("/teapot"), 418, "{\"detail\":\"I'm a Teapot\"}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void sends_the_headers_of_the_exception(TestClient client) {
    TestResponse response = client.get("/items-header/bar");
    assertJson(response, 404, "{\"detail\":\"Item not found\"}");
    assertThat(response.header("x-error")).contains("no such item");
    assertJson(client.get("/items-header/foo"), 200, "{\"item\":\"A very fine foo\"}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void answers_a_failed_completion_stage_like_a_thrown_exception(TestClient client) {
    assertJson(client.get("/later"), 503, "{\"detail\":\"Try again later\"}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void answers_an_unknown_path_with_404(TestClient client) {
    assertJson(client.get("/nope"), 404, "{\"detail\":\"Not Found\"}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void answers_another_method_with_405_and_allow(TestClient client) {
    TestResponse response = client.request("POST", "/items/foo").send();
    assertJson(response, 405, "{\"detail\":\"Method Not Allowed\"}");
    assertThat(response.header("allow")).contains("GET");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void answers_an_invalid_parameter_with_422(TestClient client) {
    assertJson(
        client.get("/numbers/x"),
        422,
        "{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"path\",\"n\"],"
            + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"x\"}]}");
    assertJson(client.get("/numbers/7"), 200, "{\"n\":7}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void answers_an_unhandled_exception_with_a_bare_500_and_a_request_id(TestClient client) {
    for (String target : new String[] {"/state", "/parse/xx"}) {
      TestResponse response = client.get(target);
      assertThat(response.status()).isEqualTo(500);
      assertThat(response.header("content-type")).contains("text/plain; charset=utf-8");
      assertThat(response.text()).isEqualTo("Internal Server Error");
      assertThat(response.header("x-request-id"))
          .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]+"));
    }
  }

  @ParameterizedTest
  @MethodSource("clients")
  void keeps_the_request_id_the_client_sent(TestClient client) {
    TestResponse response =
        client.request("GET", "/state").header("x-request-id", "req-123").send();
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.header("x-request-id")).contains("req-123");
  }
}
