package dev.snel.examples.errors;

import static dev.snel.testing.TestClient.json;
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

/** The seed's custom exception and global handler, in-process and over a real socket. */
class ErrorsAppTest {
  @AutoClose
  private static final SnelServer server =
      SnelServer.start(Main.app(), ServerConfig.defaults().port(0));

  static Stream<TestClient> clients() {
    return Stream.of(TestClient.of(Main.app()), TestClient.of(server.baseUri()));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void answers_a_normal_thing_with_its_name(TestClient client) {
    TestResponse response = client.get("/thing/hello");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(json("{\"thing_name\":\"hello\"}"));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void turns_the_thing_exception_into_418_through_the_global_handler(TestClient client) {
    TestResponse response = client.get("/thing/yolo");
    assertThat(response.status()).isEqualTo(418);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.text())
        .isEqualTo(
            "{\"message\":\"ERROR: The thing 'yolo' caused an issue.\",\"error_code\":\"THING_ESCAPE_ERROR\"}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void names_are_case_sensitive_and_percent_decoded(TestClient client) {
    assertThat(client.get("/thing/YOLO").json()).isEqualTo(json("{\"thing_name\":\"YOLO\"}"));
    assertThat(client.get("/thing/hello%20world").json())
        .isEqualTo(json("{\"thing_name\":\"hello world\"}"));
    assertThat(client.get("/thing/caf%C3%A9").json()).isEqualTo(json("{\"thing_name\":\"café\"}"));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void an_encoded_slash_or_empty_name_is_not_found(TestClient client) {
    assertThat(client.get("/thing/a%2Fb").status()).isEqualTo(404);
    assertThat(client.get("/thing/").status()).isEqualTo(404);
    assertThat(client.get("/things/yolo").json()).isEqualTo(json("{\"detail\":\"Not Found\"}"));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void head_runs_the_handler_and_its_exception_handler_without_a_body(TestClient client) {
    TestResponse head = client.head("/thing/yolo");
    assertThat(head.status()).isEqualTo(418);
    assertThat(head.body()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("clients")
  void post_is_405_with_allow_get(TestClient client) {
    TestResponse response = client.request("POST", "/thing/yolo").send();
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("allow")).contains("GET");
  }

  @Test
  void answers_a_misbehaving_thing_with_418() {
    TestClient client = TestClient.of(dev.snel.examples.errors.Main.app());

    TestResponse response = client.get("/thing/yolo");

    assertThat(response.status()).isEqualTo(418);
    assertThat(response.json().get("error_code").asString()).isEqualTo("THING_ESCAPE_ERROR");
  }
}
