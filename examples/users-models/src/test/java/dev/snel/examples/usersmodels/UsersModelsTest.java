package dev.snel.examples.usersmodels;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The seed's users example as FastAPI answers it, in-process and over a real socket. */
class UsersModelsTest {
  @AutoClose
  private static final SnelServer server =
      SnelServer.start(Main.app(), ServerConfig.defaults().port(0));

  static Stream<TestClient> clients() {
    return Stream.of(TestClient.of(Main.app()), TestClient.of(server.baseUri()));
  }

  private static final Map<String, Object> ALICE =
      Map.of("username", "alice", "email", "alice@example.com", "password", "secret123");

  @ParameterizedTest
  @MethodSource("clients")
  void creates_a_user_and_never_sends_the_password_back(TestClient client) {
    TestResponse response = client.post("/users/", ALICE);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    JsonNode body = response.json();
    assertThat(body.propertyNames()).containsExactly("id", "username", "email", "created_at");
    assertThat(body.get("username").asString()).isEqualTo("alice");
    assertThat(body.get("email").asString()).isEqualTo("alice@example.com");
    assertThat(body.get("id").asLong()).isPositive();
    assertThat(LocalDateTime.parse(body.get("created_at").asString()))
        .isBeforeOrEqualTo(LocalDateTime.now());
    assertThat(response.text()).doesNotContain("secret123").doesNotContain("password");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_too_short_username_is_string_too_short(TestClient client) {
    TestResponse response =
        client.post(
            "/users/",
            Map.of("username", "ab", "email", "ab@example.com", "password", "secret123"));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"string_too_short","loc":["body","username"],
                  "msg":"String should have at least 3 characters","input":"ab","ctx":{"min_length":3}}]}"""));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void an_invalid_email_is_a_value_error_with_the_reason(TestClient client) {
    TestResponse response =
        client.post(
            "/users/",
            Map.of("username", "alice", "email", "not-an-email", "password", "secret123"));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"value_error","loc":["body","email"],
                  "msg":"value is not a valid email address: An email address must have an @-sign.",
                  "input":"not-an-email","ctx":{"reason":"An email address must have an @-sign."}}]}"""));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void several_violations_are_reported_together_in_field_order(TestClient client) {
    TestResponse response =
        client.post(
            "/users/", Map.of("username", "x".repeat(51), "email", "a@b", "password", "short"));
    assertThat(response.status()).isEqualTo(422);
    JsonNode detail = response.json().get("detail");
    assertThat(detail).hasSize(3);
    assertThat(detail.get(0).get("type").asString()).isEqualTo("string_too_long");
    assertThat(detail.get(0).get("ctx")).isEqualTo(json("{\"max_length\":50}"));
    assertThat(detail.get(1).get("msg").asString())
        .isEqualTo(
            "value is not a valid email address: The part after the @-sign is not valid. It should have a period.");
    assertThat(detail.get(2))
        .isEqualTo(
            json(
                """
                {"type":"string_too_short","loc":["body","password"],
                 "msg":"String should have at least 8 characters","input":"short","ctx":{"min_length":8}}"""));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_missing_field_is_reported_with_the_whole_object_as_input(TestClient client) {
    TestResponse response =
        client.post("/users/", Map.of("username", "alice", "password", "secret123"));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"missing","loc":["body","email"],"msg":"Field required",
                  "input":{"username":"alice","password":"secret123"}}]}"""));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void null_is_not_a_string_and_wrong_types_are_type_errors(TestClient client) {
    TestResponse response =
        client
            .request("POST", "/users/")
            .body(
                "{\"username\":null,\"email\":5,\"password\":\"secret123\"}"
                    .getBytes(StandardCharsets.UTF_8),
                "application/json")
            .send();
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"string_type","loc":["body","username"],"msg":"Input should be a valid string","input":null},
                  {"type":"string_type","loc":["body","email"],"msg":"Input should be a valid string","input":5}]}"""));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void extra_fields_are_ignored(TestClient client) {
    Map<String, Object> withExtra =
        Map.of(
            "username", "alice", "email", "a@example.com", "password", "secret123", "admin", true);
    assertThat(client.post("/users/", withExtra).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @MethodSource("clients")
  void malformed_json_is_json_invalid_at_its_position(TestClient client) {
    TestResponse response =
        client
            .request("POST", "/users/")
            .body("{\"username\": \"alice\",".getBytes(StandardCharsets.UTF_8), "application/json")
            .send();
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"json_invalid","loc":["body",21],"msg":"JSON decode error","input":{},
                  "ctx":{"error":"Expecting property name enclosed in double quotes"}}]}"""));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_body_without_a_json_content_type_is_refused(TestClient client) {
    TestResponse response =
        client
            .request("POST", "/users/")
            .body(
                "{\"username\":\"alice\",\"email\":\"a@example.com\",\"password\":\"secret123\"}"
                    .getBytes(StandardCharsets.UTF_8),
                "text/plain")
            .send();
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("detail").get(0).get("type").asString())
        .isEqualTo("model_attributes_type");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void no_body_is_missing(TestClient client) {
    TestResponse response = client.request("POST", "/users/").send();
    assertThat(response.json())
        .isEqualTo(
            json(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\"],\"msg\":\"Field required\",\"input\":null}]}"));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void deeply_nested_json_is_refused_with_a_clear_error(TestClient client) {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    TestResponse response =
        client
            .request("POST", "/users/")
            .body(deep.getBytes(StandardCharsets.UTF_8), "application/json")
            .send();
    assertThat(response.status()).isEqualTo(422);
    JsonNode error = response.json().get("detail").get(0);
    assertThat(error.get("type").asString()).isEqualTo("json_invalid");
    assertThat(error.get("ctx").get("error").asString())
        .isEqualTo("Nesting depth exceeds the maximum of 200");
  }
}
