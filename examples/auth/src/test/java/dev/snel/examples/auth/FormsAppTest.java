package dev.snel.examples.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The forms page's requests and FastAPI 0.141's answers to them: form fields, a form model, and
 * query, header and cookie parameter models. Forms go through the real server too.
 */
class FormsAppTest {
  static final String FORM = "application/x-www-form-urlencoded";

  @AutoClose
  private static final SnelServer server =
      SnelServer.start(FormsApp.app(), ServerConfig.defaults().port(0));

  private static final TestClient client = TestClient.of(FormsApp.app());

  static Stream<TestClient> clients() {
    return Stream.of(client, TestClient.of(server.baseUri()));
  }

  private static TestResponse form(TestClient client, String target, String body) {
    return client.request("POST", target).body(body.getBytes(StandardCharsets.UTF_8), FORM).send();
  }

  @ParameterizedTest
  @MethodSource("clients")
  void form_fields_are_read_from_an_urlencoded_body(TestClient client) {
    TestResponse response = form(client, "/login/", "username=johndoe&password=secret");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("{\"username\":\"johndoe\"}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_missing_or_empty_field_is_a_422_located_in_the_body(TestClient client) {
    String missingPassword =
        "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"password\"],"
            + "\"msg\":\"Field required\",\"input\":null}]}";
    assertThat(form(client, "/login/", "username=johndoe").text()).isEqualTo(missingPassword);
    assertThat(form(client, "/login/", "username=johndoe&password=").text())
        .isEqualTo(missingPassword);
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_json_body_is_an_empty_form(TestClient client) {
    TestResponse response =
        client.post("/login/", Map.of("username", "johndoe", "password", "secret"));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"username\"],"
                + "\"msg\":\"Field required\",\"input\":null},"
                + "{\"type\":\"missing\",\"loc\":[\"body\",\"password\"],"
                + "\"msg\":\"Field required\",\"input\":null}]}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_form_model_is_read_whole_and_refuses_other_fields(TestClient client) {
    assertThat(form(client, "/login-model/", "username=johndoe&password=secret").text())
        .isEqualTo("{\"username\":\"johndoe\",\"password\":\"secret\"}");
    assertThat(form(client, "/login-model/", "username=johndoe&password=secret&extra=x").text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"extra\"],"
                + "\"msg\":\"Extra inputs are not permitted\",\"input\":\"x\"}]}");
    assertThat(form(client, "/login-model/", "username=johndoe").text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"password\"],"
                + "\"msg\":\"Field required\",\"input\":{\"username\":\"johndoe\"}}]}");
  }

  @Test
  void a_query_model_reads_its_members_and_defaults() {
    assertThat(client.get("/items/").text())
        .isEqualTo("{\"limit\":100,\"offset\":0,\"order_by\":\"created_at\",\"tags\":[]}");
    assertThat(client.get("/items/?limit=10&order_by=updated_at&tags=a&tags=b").text())
        .isEqualTo(
            "{\"limit\":10,\"offset\":0,\"order_by\":\"updated_at\",\"tags\":[\"a\",\"b\"]}");
  }

  @Test
  void a_query_model_checks_constraints_and_refuses_other_parameters() {
    assertThat(client.get("/items/?limit=500").text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"less_than_equal\",\"loc\":[\"query\",\"limit\"],"
                + "\"msg\":\"Input should be less than or equal to 100\",\"input\":\"500\","
                + "\"ctx\":{\"le\":100}}]}");
    assertThat(client.get("/items/?tool=plumbus").text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"query\",\"tool\"],"
                + "\"msg\":\"Extra inputs are not permitted\",\"input\":\"plumbus\"}]}");
  }

  @Test
  void a_header_model_reads_hyphenated_header_names() {
    TestResponse response =
        client
            .request("GET", "/headers/")
            .header("save-data", "true")
            .header("x-tag", "a")
            .header("x-tag", "b")
            .send();
    assertThat(response.text())
        .isEqualTo(
            "{\"host\":\"testserver\",\"save_data\":true,\"if_modified_since\":null,"
                + "\"traceparent\":null,\"x_tag\":[\"a\",\"b\"]}");
    assertThat(client.get("/headers/").text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"header\",\"save_data\"],"
                + "\"msg\":\"Field required\",\"input\":{\"host\":\"testserver\",\"x_tag\":[]}}]}");
  }

  @Test
  void a_cookie_model_refuses_other_cookies() {
    assertThat(client.request("GET", "/cookies/").cookie("session_id", "123").send().text())
        .isEqualTo("{\"session_id\":\"123\",\"fatebook_tracker\":null,\"googall_tracker\":null}");
    assertThat(
            client
                .request("GET", "/cookies/")
                .cookie("session_id", "123")
                .cookie("santa_tracker", "good-list-please")
                .send()
                .text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"cookie\",\"santa_tracker\"],"
                + "\"msg\":\"Extra inputs are not permitted\",\"input\":\"good-list-please\"}]}");
  }

  @Test
  void the_document_shows_forms_as_urlencoded_bodies_and_models_as_parameters() {
    JsonNode document = client.get("/openapi.json").json();
    assertThat(document.at("/paths/~1login~1/post/requestBody/content").toString())
        .isEqualTo(
            "{\"application/x-www-form-urlencoded\":{\"schema\":"
                + "{\"$ref\":\"#/components/schemas/Body_login_login__post\"}}}");
    assertThat(
            document
                .at("/components/schemas/Body_login_login__post/properties/password")
                .toString())
        .isEqualTo("{\"type\":\"string\",\"format\":\"password\",\"title\":\"Password\"}");
    // compared as JSON: Snel writes this component's keys in another order than FastAPI
    assertThat(document.at("/components/schemas/FormData"))
        .isEqualTo(
            TestClient.json(
                "{\"properties\":{\"username\":{\"type\":\"string\",\"title\":\"Username\"},"
                    + "\"password\":{\"type\":\"string\",\"title\":\"Password\"}},"
                    + "\"additionalProperties\":false,\"type\":\"object\","
                    + "\"required\":[\"username\",\"password\"],\"title\":\"FormData\"}"));
    assertThat(document.at("/paths/~1items~1/get/parameters").findValuesAsString("name"))
        .containsExactly("limit", "offset", "order_by", "tags");
    assertThat(document.at("/paths/~1headers~1/get/parameters").findValuesAsString("name"))
        .containsExactly("host", "save-data", "if-modified-since", "traceparent", "x-tag");
  }
}
