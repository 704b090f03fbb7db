package dev.snel.examples.minimal;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed's minimal app on the wire, as FastAPI 0.141 answers the same requests (cases captured in
 * the shared conformance suite). Run in-process and over a real socket by the subclasses.
 */
abstract class MinimalAppBehaviour {

  abstract TestClient client();

  abstract String baseUrl();

  private static final String INT_PARSING =
      "{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"path\",\"item_id\"],"
          + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"%s\"}]}";

  @Test
  void answers_an_item_with_its_query_parameter() {
    TestResponse response = client().get("/items/5?q=somequery");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.text()).isEqualTo("{\"item_id\":5,\"query_param\":\"somequery\"}");
  }

  @Test
  void answers_null_for_a_missing_optional_query_parameter() {
    assertThat(client().get("/items/5").json())
        .isEqualTo(json("{\"item_id\":5,\"query_param\":null}"));
  }

  @ParameterizedTest(name = "{0} is not an int")
  @CsvSource({"foo", "5.5", "1e3", "0x10"})
  void rejects_a_non_integer_item_id_with_422(String itemId) {
    TestResponse response = client().get("/items/" + itemId);
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.json()).isEqualTo(json(INT_PARSING.formatted(itemId)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "5.0, 5",
    "007, 7",
    "+5, 5",
    "%205, 5",
    "1_000, 1000",
    "-5, -5",
    "0, 0",
    "9223372036854775807, 9223372036854775807"
  })
  void converts_item_ids_like_pydantic_lax_mode(String raw, String expected) {
    TestResponse response = client().get("/items/" + raw);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(json("{\"item_id\":" + expected + ",\"query_param\":null}"));
  }

  @Test
  void an_item_id_beyond_a_java_long_is_a_422_not_a_500() {
    TestResponse response = client().get("/items/9223372036854775808");
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                "{\"detail\":[{\"type\":\"less_than_equal\",\"loc\":[\"path\",\"item_id\"],"
                    + "\"msg\":\"Input should be less than or equal to 9223372036854775807\","
                    + "\"input\":\"9223372036854775808\",\"ctx\":{\"le\":9223372036854775807}}]}"));
    assertThat(
            client()
                .get("/items/-99999999999999999999")
                .json()
                .get("detail")
                .get(0)
                .get("type")
                .asString())
        .isEqualTo("greater_than_equal");
  }

  @ParameterizedTest(name = "?{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "q= | ''",
        "q=a&q=b | b",
        "q=hello+world | hello world",
        "q=caf%C3%A9 | café",
        "q=123 | 123",
        "q=x&foo=bar&item_id=7 | x"
      })
  void reads_the_query_parameter_like_starlette(String query, String expected) {
    assertThat(client().get("/items/5?" + query).json())
        .isEqualTo(json("{\"item_id\":5,\"query_param\":\"" + expected + "\"}"));
  }

  @Test
  void redirects_a_trailing_slash_to_the_route_with_307() {
    TestResponse response = client().get("/items/5/");
    assertThat(response.status()).isEqualTo(307);
    assertThat(response.header("location")).contains(baseUrl() + "/items/5");
  }

  @ParameterizedTest(name = "GET {0} -> 404")
  @CsvSource({"/items/", "/items", "/", "/does-not-exist"})
  void answers_unknown_paths_with_404(String path) {
    TestResponse response = client().get(path);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json()).isEqualTo(json("{\"detail\":\"Not Found\"}"));
  }

  @ParameterizedTest(name = "{0} {1} -> 405")
  @CsvSource({"POST, /items/5", "PUT, /items/foo", "DELETE, /items/5", "OPTIONS, /items/5"})
  void answers_other_methods_with_405_before_validating(String method, String path) {
    TestResponse response = client().request(method, path).send();
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("allow")).contains("GET");
    assertThat(response.json()).isEqualTo(json("{\"detail\":\"Method Not Allowed\"}"));
  }

  @Test
  void answers_head_like_get_without_a_body() {
    TestResponse head = client().head("/items/5");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("content-type")).contains("application/json");
    assertThat(head.body()).isEmpty();
    assertThat(client().head("/items/foo").status()).isEqualTo(422);
    assertThat(client().head("/nope").status()).isEqualTo(404);
  }
}
