package dev.snel.params;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON bodies at the edges of what Python's json module and pydantic read: a body of whitespace
 * only, escapes of lone surrogates, and numbers past Python's 4,300-digit bound. Each is a 4xx,
 * never a 500.
 */
class JsonBodyLimitsTest {

  public record User(String name) {}

  public record Counter(long count) {}

  public record Amount(java.math.BigDecimal value) {}

  public record Offer(User user, Counter counter) {}

  public static class Routes {
    @Post("/users/")
    public User create(User user) {
      return user;
    }

    @Post("/counters")
    public Counter count(Counter counter) {
      return counter;
    }

    @Post("/amounts")
    public Amount amount(Amount amount) {
      return amount;
    }

    @Post("/offers")
    public Offer offer(User user, Counter counter) {
      return new Offer(user, counter);
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  private static TestResponse post(String target, String body) {
    return client
        .request("POST", target)
        .body(body.getBytes(StandardCharsets.UTF_8), Response.JSON)
        .send();
  }

  private static Object jsonInvalid(int position, String error) {
    return Expected.detail(
        Expected.error(
            "json_invalid",
            List.of("body", position),
            "JSON decode error",
            Map.of(),
            Map.of("error", error)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/users/", "/offers"})
  void answers_a_body_of_whitespace_only_with_json_invalid_expecting_value(String target) {
    TestResponse response = post(target, " ");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json()).isEqualTo(jsonInvalid(1, "Expecting value"));
  }

  @Test
  void answers_a_body_of_several_whitespace_characters_at_its_end() {
    assertThat(post("/users/", " \r\n\t").json()).isEqualTo(jsonInvalid(4, "Expecting value"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '{"name": "\\ud800"}'          | 10 | unexpected end of hex escape
          '{"name": "ab\\uD800x"}'       | 12 | unexpected end of hex escape
          '{"name": "\\udc00"}'          | 10 | lone leading surrogate in hex escape
          '{"name": "\\ud800\\u0041"}'   | 10 | lone leading surrogate in hex escape
          '{"name": "é\\ud800"}'         | 11 | unexpected end of hex escape
          '{"name": "😀\\ud800"}'         | 11 | unexpected end of hex escape
          """)
  void refuses_an_escaped_lone_surrogate_as_pydantics_json_parser_does(
      String body, int position, String error) {
    TestResponse response = post("/users/", body);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json()).isEqualTo(jsonInvalid(position, error));
  }

  @Test
  void refuses_a_lone_surrogate_in_an_embedded_body_too() {
    TestResponse response =
        post("/offers", "{\"user\": {\"name\": \"\\ud800\"}, \"counter\": {\"count\": 1}}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json()).isEqualTo(jsonInvalid(19, "unexpected end of hex escape"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"name\": \"\\ud83d\\ude00\"}", "{\"name\": \"\\\\ud800\"}"})
  void accepts_a_surrogate_pair_and_an_escaped_backslash_before_u(String body) {
    TestResponse response = post("/users/", body);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(TestClient.json(body));
  }

  @Test
  void answers_an_integer_of_more_than_4300_digits_with_fastapis_400() {
    TestResponse response = post("/counters", "{\"count\": " + "9".repeat(4301) + "}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json())
        .isEqualTo(TestClient.json("{\"detail\": \"There was an error parsing the body\"}"));
  }

  @Test
  void reads_an_integer_of_4300_digits_and_finds_it_over_the_java_type() {
    TestResponse response = post("/counters", "{\"count\": " + "9".repeat(4300) + "}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("detail").get(0).get("type").asString())
        .isEqualTo("less_than_equal");
  }

  @Test
  void refuses_a_string_of_more_than_4300_digits_for_an_integer_with_int_parsing_size() {
    String digits = "1".repeat(300_000);
    TestResponse response = post("/counters", "{\"count\": \"" + digits + "\"}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "int_parsing_size",
                    List.of("body", "count"),
                    "Unable to parse input string as an integer, exceeded maximum size",
                    digits)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1e999999999", "1e99999999910", "\"1e999999999\"", "\"1e99999999999\""})
  void refuses_a_decimal_whose_exponent_would_write_out_as_a_billion_digits(String value) {
    TestResponse response = post("/amounts", "{\"value\": " + value + "}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("detail").get(0).get("type").asString())
        .isEqualTo("decimal_parsing");
  }
}
