package dev.snel.examples.queryparams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What docs/tutorial/query-params.md shows of the example, request by request. Run in-process and
 * over a real socket by the subclasses.
 */
abstract class QueryParamsBehaviour {

  abstract TestClient client();

  abstract String baseUrl();

  /** Asserts a 200 JSON answer with exactly this body. */
  private void assertJson(TestResponse response, String body) {
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.text()).isEqualTo(body);
  }

  /** Asserts a 422 answer whose detail holds exactly these error items. */
  private void assertInvalid(TestResponse response, String... items) {
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.text()).isEqualTo("{\"detail\":[" + String.join(",", items) + "]}");
  }

  private static String intParsing(String loc, String input) {
    return "{\"type\":\"int_parsing\",\"loc\":["
        + loc
        + "],"
        + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\""
        + input
        + "\"}";
  }

  private static String missing(String loc) {
    return "{\"type\":\"missing\",\"loc\":[" + loc + "],\"msg\":\"Field required\",\"input\":null}";
  }

  // Defaults, optional and required parameters

  @Test
  void uses_the_defaults_of_skip_and_limit() {
    assertJson(
        client().get("/items/"),
        "[{\"name\":\"Anvil\"},{\"name\":\"Bucket\"},{\"name\":\"Crowbar\"}]");
    assertJson(client().get("/items/?skip=1&limit=1"), "[{\"name\":\"Bucket\"}]");
    assertJson(client().get("/items/?skip=2"), "[{\"name\":\"Crowbar\"}]");
  }

  @Test
  void an_unchecked_negative_skip_is_a_500_which_constraints_avoid() {
    TestResponse response = client().get("/items/?skip=-1");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).isEqualTo("Internal Server Error");
  }

  @Test
  void answers_required_default_and_optional_parameters() {
    assertJson(
        client().get("/needy/foo?needy=sooo&limit=3"),
        "{\"item_id\":\"foo\",\"needy\":\"sooo\",\"skip\":0,\"limit\":3}");
    assertJson(
        client().get("/needy/foo?needy=sooo&skip=2"),
        "{\"item_id\":\"foo\",\"needy\":\"sooo\",\"skip\":2,\"limit\":null}");
  }

  @Test
  void refuses_a_missing_required_parameter() {
    assertInvalid(client().get("/needy/foo"), missing("\"query\",\"needy\""));
  }

  @Test
  void an_empty_value_is_present_not_missing() {
    assertJson(
        client().get("/needy/foo?needy="),
        "{\"item_id\":\"foo\",\"needy\":\"\",\"skip\":0,\"limit\":null}");
    assertInvalid(client().get("/needy/foo?needy=a&skip="), intParsing("\"query\",\"skip\"", ""));
  }

  @Test
  void the_last_of_repeated_values_counts() {
    assertJson(
        client().get("/needy/foo?needy=a&needy=b&skip=1&skip=2"),
        "{\"item_id\":\"foo\",\"needy\":\"b\",\"skip\":2,\"limit\":null}");
  }

  @Test
  void reports_every_problem_in_the_order_of_the_parameters() {
    assertInvalid(
        client().get("/items/?limit=x&skip=y"),
        intParsing("\"query\",\"skip\"", "y"),
        intParsing("\"query\",\"limit\"", "x"));
    assertInvalid(
        client().get("/needy/foo?skip=x"),
        missing("\"query\",\"needy\""),
        intParsing("\"query\",\"skip\"", "x"));
  }

  // Booleans

  @ParameterizedTest(name = "short={0} is true")
  @ValueSource(strings = {"true", "True", "yes", "on", "1", "t", "y", "YES", "On"})
  void reads_the_words_python_reads_as_true(String value) {
    assertJson(
        client().get("/items/foo?q=bar&short=" + value), "{\"item_id\":\"foo\",\"q\":\"bar\"}");
  }

  @ParameterizedTest(name = "short={0} is false")
  @ValueSource(strings = {"false", "False", "no", "off", "0", "f", "n", "NO"})
  void reads_the_words_python_reads_as_false(String value) {
    assertJson(
        client().get("/items/foo?short=" + value),
        "{\"item_id\":\"foo\",\"description\":\"A long description of the item\"}");
  }

  @Test
  void defaults_short_to_false() {
    assertJson(
        client().get("/items/foo"),
        "{\"item_id\":\"foo\",\"description\":\"A long description of the item\"}");
  }

  @ParameterizedTest(name = "short={0} is refused")
  @ValueSource(strings = {"nope", "2", "truee", ""})
  void refuses_anything_else_as_a_boolean(String value) {
    assertInvalid(
        client().get("/items/foo?short=" + value),
        "{\"type\":\"bool_parsing\",\"loc\":[\"query\",\"short\"],"
            + "\"msg\":\"Input should be a valid boolean, unable to interpret input\",\"input\":\""
            + value
            + "\"}");
  }

  // Lists

  @Test
  void collects_every_occurrence_into_a_list() {
    assertJson(
        client().get("/tags?tag=a&tag=b"),
        "{\"tag\":[\"a\",\"b\"],\"sort\":[\"new\",\"old\"],\"id\":[]}");
  }

  @Test
  void a_set_drops_repeats_keeping_the_first_seen_order() {
    assertJson(
        client().get("/tags?tag=a&sort=x&id=3&id=1&id=3"),
        "{\"tag\":[\"a\"],\"sort\":[\"x\"],\"id\":[3,1]}");
  }

  @Test
  void a_required_list_needs_one_value() {
    assertInvalid(client().get("/tags"), missing("\"query\",\"tag\""));
  }

  @Test
  void reports_a_bad_item_with_its_index() {
    assertInvalid(
        client().get("/tags?tag=a&id=1&id=x&id=2&id=y"),
        intParsing("\"query\",\"id\",1", "x"),
        intParsing("\"query\",\"id\",3", "y"));
  }

  // Constraints

  @Test
  void accepts_values_within_the_constraints() {
    assertJson(
        client().get("/products"),
        "{\"skip\":0,\"limit\":10,\"q\":null,\"max_price\":null,\"id\":[]}");
    assertJson(
        client().get("/products?skip=0&limit=100&q=red+hat&max_price=1000&id=1&id=2&id=3"),
        "{\"skip\":0,\"limit\":100,\"q\":\"red hat\",\"max_price\":1000,\"id\":[1,2,3]}");
  }

  @Test
  void refuses_numbers_below_their_minimum() {
    assertInvalid(
        client().get("/products?skip=-1&limit=0"),
        "{\"type\":\"greater_than_equal\",\"loc\":[\"query\",\"skip\"],"
            + "\"msg\":\"Input should be greater than or equal to 0\",\"input\":\"-1\",\"ctx\":{\"ge\":0}}",
        "{\"type\":\"greater_than_equal\",\"loc\":[\"query\",\"limit\"],"
            + "\"msg\":\"Input should be greater than or equal to 1\",\"input\":\"0\",\"ctx\":{\"ge\":1}}");
  }

  @Test
  void refuses_numbers_above_their_maximum() {
    assertInvalid(
        client().get("/products?limit=101"),
        "{\"type\":\"less_than_equal\",\"loc\":[\"query\",\"limit\"],"
            + "\"msg\":\"Input should be less than or equal to 100\",\"input\":\"101\",\"ctx\":{\"le\":100}}");
  }

  @Test
  void refuses_text_too_short_or_not_matching_the_pattern() {
    assertInvalid(
        client().get("/products?q=ab"),
        "{\"type\":\"string_too_short\",\"loc\":[\"query\",\"q\"],"
            + "\"msg\":\"String should have at least 3 characters\",\"input\":\"ab\",\"ctx\":{\"min_length\":3}}");
    assertInvalid(
        client().get("/products?q=ABC"),
        "{\"type\":\"string_pattern_mismatch\",\"loc\":[\"query\",\"q\"],"
            + "\"msg\":\"String should match pattern '[a-z ]+'\",\"input\":\"ABC\",\"ctx\":{\"pattern\":\"[a-z ]+\"}}");
    assertInvalid(
        client().get("/products?q=abcdefghijklmnopqrstu"),
        "{\"type\":\"string_too_long\",\"loc\":[\"query\",\"q\"],"
            + "\"msg\":\"String should have at most 20 characters\",\"input\":\"abcdefghijklmnopqrstu\","
            + "\"ctx\":{\"max_length\":20}}");
  }

  @Test
  void refuses_a_price_that_is_not_positive_or_too_high() {
    assertInvalid(
        client().get("/products?max_price=0"),
        "{\"type\":\"greater_than\",\"loc\":[\"query\",\"max_price\"],"
            + "\"msg\":\"Input should be greater than 0\",\"input\":\"0\",\"ctx\":{\"gt\":0}}");
    assertThat(
            client()
                .get("/products?max_price=1000.01")
                .json()
                .get("detail")
                .get(0)
                .get("type")
                .asString())
        .isEqualTo("less_than_equal");
  }

  @Test
  void counts_the_items_of_a_list() {
    assertInvalid(
        client().get("/products?id=1&id=2&id=3&id=4"),
        "{\"type\":\"too_long\",\"loc\":[\"query\",\"id\"],"
            + "\"msg\":\"List should have at most 3 items after validation, not 4\",\"input\":[\"1\",\"2\",\"3\",\"4\"],"
            + "\"ctx\":{\"field_type\":\"List\",\"max_length\":3,\"actual_length\":4}}");
  }

  @Test
  void checks_each_item_of_a_list() {
    assertInvalid(
        client().get("/products?id=1&id=-2&id=0"),
        "{\"type\":\"greater_than\",\"loc\":[\"query\",\"id\",1],"
            + "\"msg\":\"Input should be greater than 0\",\"input\":\"-2\",\"ctx\":{\"gt\":0}}",
        "{\"type\":\"greater_than\",\"loc\":[\"query\",\"id\",2],"
            + "\"msg\":\"Input should be greater than 0\",\"input\":\"0\",\"ctx\":{\"gt\":0}}");
  }

  // Aliases

  @Test
  void reads_a_parameter_by_its_alias_only() {
    assertJson(client().get("/search?item-query=hello"), "{\"q\":\"hello\"}");
    assertJson(client().get("/search?q=hello"), "{\"q\":\"\"}");
  }

  // Headers and cookies

  @Test
  void reads_headers_by_converted_names_and_a_cookie() {
    TestResponse response =
        client()
            .request("GET", "/client")
            .header("User-Agent", "curl-test")
            .header("X-Token", "a")
            .header("x-token", "b")
            .header("strange_header", "s1")
            .header("Cookie", "session_id=abc; other=1")
            .send();
    assertJson(
        response,
        "{\"user_agent\":\"curl-test\",\"x_token\":[\"a\",\"b\"],\"strange_header\":\"s1\",\"session_id\":\"abc\"}");
  }

  @Test
  void one_header_line_is_one_value_and_the_last_cookie_counts() {
    TestResponse response =
        client()
            .request("GET", "/client")
            .header("User-Agent", "curl-test")
            .header("X-Token", "a, b")
            .header("strange-header", "not read")
            .header("Cookie", "session_id=1; session_id=2")
            .send();
    assertJson(
        response,
        "{\"user_agent\":\"curl-test\",\"x_token\":[\"a, b\"],\"strange_header\":null,\"session_id\":\"2\"}");
  }

  @Test
  void reports_missing_headers_by_their_lower_case_names() {
    assertInvalid(
        client().get("/need-header"),
        missing("\"header\",\"x-api-key\""),
        missing("\"header\",\"x-retry\""));
  }

  @Test
  void checks_constraints_on_headers() {
    TestResponse tooFew =
        client()
            .request("GET", "/need-header")
            .header("X-Api-Key", "k")
            .header("X-Retry", "0")
            .send();
    assertInvalid(
        tooFew,
        "{\"type\":\"greater_than_equal\",\"loc\":[\"header\",\"x-retry\"],"
            + "\"msg\":\"Input should be greater than or equal to 1\",\"input\":\"0\",\"ctx\":{\"ge\":1}}");
    TestResponse fine =
        client()
            .request("GET", "/need-header")
            .header("x-api-key", "k")
            .header("x-retry", "2")
            .send();
    assertJson(fine, "{\"key\":\"k\",\"retry\":2}");
  }

  // The request and the response themselves

  @Test
  void injects_the_request_and_a_response_for_headers_and_cookies() {
    TestResponse response = client().get("/whoami?a=1&a=2&b=%20x+y");
    assertThat(response.header("x-served-by")).contains("snel");
    assertThat(response.headers("set-cookie")).containsExactly("visited=yes; Path=/; SameSite=lax");
    assertJson(
        response,
        "{\"method\":\"GET\",\"path\":\"/whoami\",\"query\":{\"a\":[\"1\",\"2\"],\"b\":[\" x y\"]},"
            + "\"host\":\""
            + URI.create(baseUrl()).getAuthority()
            + "\"}");
  }

  @ParameterizedTest(name = "GET {0} -> 307 {1}")
  @CsvSource({"/items, /items/", "/tags/, /tags"})
  void redirects_a_trailing_slash(String target, String location) {
    TestResponse response = client().get(target);
    assertThat(response.status()).isEqualTo(307);
    assertThat(response.header("location")).contains(baseUrl() + location);
  }

  @Test
  void repeats_a_header_for_a_list_parameter() {
    TestClient client = client();
    TestResponse headers =
        client.request("GET", "/client").header("x-token", "a").header("x-token", "b").send();
    assertThat(headers.json().get("x_token")).isEqualTo(TestClient.json("[\"a\", \"b\"]"));
  }
}
