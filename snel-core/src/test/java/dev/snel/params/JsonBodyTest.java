package dev.snel.params;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Body;
import dev.snel.Post;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The basics of JSON bodies: a record parameter is the body; several record parameters are the
 * body's members of their names; a body that is not JSON, or is missing, is FastAPI's 422.
 */
class JsonBodyTest {

  public record Item(String name, double price) {}

  public record User(String username) {}

  public record Offer(Item item, User user) {}

  public static class Routes {
    @Post("/items")
    public Item create(Item item) {
      return item;
    }

    @Post("/offers")
    public Offer offer(Item item, User user) {
      return new Offer(item, user);
    }

    @Post("/embedded")
    public Item embedded(@Body(embed = true) Item item) {
      return item;
    }

    @Post("/searched")
    public Item searched(Item item, int limit) {
      return item;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  private static TestResponse postRaw(String target, String body) {
    return client
        .request("POST", target)
        .body(body.getBytes(StandardCharsets.UTF_8), Response.JSON)
        .send();
  }

  @Test
  void receives_a_record_posted_as_json() {
    TestResponse response = client.post("/items", Map.of("name", "Foo", "price", 35.4));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(TestClient.json("{\"name\": \"Foo\", \"price\": 35.4}"));
  }

  @Test
  void ignores_members_the_record_does_not_have() {
    TestResponse response =
        postRaw("/items", "{\"name\": \"Foo\", \"price\": 1.5, \"color\": \"red\"}");

    assertThat(response.json()).isEqualTo(TestClient.json("{\"name\": \"Foo\", \"price\": 1.5}"));
  }

  @Test
  void requires_the_body_of_a_record_parameter() {
    TestResponse response = client.request("POST", "/items").send();

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "missing", "loc": ["body"], "msg": "Field required", "input": null}]}
                """));
  }

  @Test
  void takes_a_json_null_body_as_missing() {
    TestResponse response = postRaw("/items", "null");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "missing", "loc": ["body"], "msg": "Field required", "input": null}]}
                """));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '{"name":'
          '{"name" "Foo"}'
          '{"name": "Foo",}'
          '{name: "Foo"}'
          '{"name": "Foo"} x'
          'nul'
          """)
  void answers_a_body_that_is_not_json_with_a_json_invalid_error_at_a_position(String body) {
    TestResponse response = postRaw("/items", body);

    assertThat(response.status()).isEqualTo(422);
    JsonNode detail = response.json().get("detail");
    assertThat(detail).hasSize(1);
    JsonNode error = detail.get(0);
    assertThat(error.get("type").asString()).isEqualTo("json_invalid");
    assertThat(error.get("msg").asString()).isEqualTo("JSON decode error");
    assertThat(error.get("input")).isEqualTo(TestClient.json("{}"));
    assertThat(error.get("loc")).hasSize(2);
    assertThat(error.get("loc").get(0).asString()).isEqualTo("body");
    assertThat(error.get("loc").get(1).isIntegralNumber()).isTrue();
    assertThat(error.get("ctx").get("error").isString()).isTrue();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '{"name":'                   | Expecting value
          '{"name": tru}'              | Expecting value
          'nul'                        | Expecting value
          '{"name" "Foo"}'             | Expecting ':' delimiter
          '{"name": "Foo" "price": 1}' | Expecting ',' delimiter
          """)
  void names_the_problem_in_the_words_of_pythons_json_module(String body, String error) {
    TestResponse response = postRaw("/items", body);

    JsonNode ctx = response.json().get("detail").get(0).get("ctx");
    assertThat(ctx).isEqualTo(TestClient.json("{\"error\": \"" + error + "\"}"));
  }

  /**
   * What FastAPI answers, from Python's {@code json.loads}: the character position of the problem
   * and the message of Python's decoder.
   */
  @ParameterizedTest(name = "{0} fails at {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '{"name":'                   | 8  | Expecting value
          '{"name" "Foo"}'             | 8  | Expecting ':' delimiter
          '{"name": "Foo",}'           | 15 | Expecting property name enclosed in double quotes
          '{name: "Foo"}'              | 1  | Expecting property name enclosed in double quotes
          '{"name": "Foo" "price": 1}' | 15 | Expecting ',' delimiter
          '{"name": "Foo"} x'          | 16 | Extra data
          '{"name": tru}'              | 9  | Expecting value
          """)
  void answers_a_body_that_is_not_json_exactly_as_fastapi_does(
      String body, int position, String error) {
    TestResponse response = postRaw("/items", body);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "json_invalid",
                    List.of("body", position),
                    "JSON decode error",
                    Map.of(),
                    Map.of("error", error))));
  }

  @Test
  void reports_a_body_that_is_not_json_alone_as_fastapi_reads_the_body_first() {
    TestResponse response = postRaw("/searched?limit=many", "{\"name\":");

    JsonNode detail = response.json().get("detail");
    assertThat(detail).hasSize(1);
    assertThat(detail.get(0).get("type").asString()).isEqualTo("json_invalid");
  }

  @Test
  void reports_query_errors_before_body_errors() {
    TestResponse response = client.request("POST", "/searched?limit=many").send();

    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [
                  {"type": "int_parsing", "loc": ["query", "limit"],
                   "msg": "Input should be a valid integer, unable to parse string as an integer", "input": "many"},
                  {"type": "missing", "loc": ["body"], "msg": "Field required", "input": null}]}
                """));
  }

  @Test
  void reads_each_of_several_record_parameters_from_the_member_of_its_name() {
    TestResponse response =
        client.post(
            "/offers",
            Map.of(
                "item", Map.of("name", "Foo", "price", 42.0), "user", Map.of("username", "dave")));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"item": {"name": "Foo", "price": 42.0}, "user": {"username": "dave"}}
                """));
  }

  @Test
  void requires_the_member_of_each_of_several_record_parameters() {
    TestResponse response =
        client.post("/offers", Map.of("item", Map.of("name", "Foo", "price", 42.0)));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "missing", "loc": ["body", "user"], "msg": "Field required", "input": null}]}
                """));
  }

  @Test
  void takes_a_null_member_as_missing() {
    TestResponse response =
        postRaw("/offers", "{\"item\": {\"name\": \"Foo\", \"price\": 1}, \"user\": null}");

    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "missing", "loc": ["body", "user"], "msg": "Field required", "input": null}]}
                """));
  }

  @Test
  void reports_every_missing_member_when_the_body_is_missing() {
    TestResponse response = client.request("POST", "/offers").send();

    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [
                  {"type": "missing", "loc": ["body", "item"], "msg": "Field required", "input": null},
                  {"type": "missing", "loc": ["body", "user"], "msg": "Field required", "input": null}]}
                """));
  }

  @Test
  void reports_every_member_as_missing_when_the_body_is_a_list() {
    TestResponse response = postRaw("/offers", "[1, 2]");

    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [
                  {"type": "missing", "loc": ["body", "item"], "msg": "Field required", "input": null},
                  {"type": "missing", "loc": ["body", "user"], "msg": "Field required", "input": null}]}
                """));
  }

  @Test
  void reads_an_embedded_single_record_from_the_member_of_its_name() {
    TestResponse response =
        client.post("/embedded", Map.of("item", Map.of("name", "Foo", "price", 1.5)));

    assertThat(response.json()).isEqualTo(TestClient.json("{\"name\": \"Foo\", \"price\": 1.5}"));
  }

  @Test
  void requires_the_member_of_an_embedded_single_record() {
    TestResponse response = client.post("/embedded", Map.of("name", "Foo", "price", 1.5));

    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "missing", "loc": ["body", "item"], "msg": "Field required", "input": null}]}
                """));
  }
}
