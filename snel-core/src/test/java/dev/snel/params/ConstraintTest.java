package dev.snel.params;

import static dev.snel.params.Expected.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * jakarta.validation annotations on parameters are FastAPI's {@code Query(ge=..)}, {@code
 * Path(min_length=..)} and so on: {@code @Min(1)} is {@code ge=1}, {@code @Size(min = 3)} is {@code
 * min_length=3}, and a violation is pydantic's error for that constraint.
 */
class ConstraintTest {

  public static class Routes {
    @Get("/items/{item_id}")
    public int item(@Min(1) @Max(1000) int item_id) {
      return item_id;
    }

    @Get("/positive")
    public int positive(@Positive int v) {
      return v;
    }

    @Get("/negative")
    public int negative(@Negative int v) {
      return v;
    }

    @Get("/positive-or-zero")
    public int positiveOrZero(@PositiveOrZero int v) {
      return v;
    }

    @Get("/negative-or-zero")
    public int negativeOrZero(@NegativeOrZero int v) {
      return v;
    }

    @Get("/price")
    public double price(@DecimalMin("1.5") @DecimalMax("9.5") double v) {
      return v;
    }

    @Get("/price-exclusive")
    public double priceExclusive(
        @DecimalMin(value = "1.5", inclusive = false) @DecimalMax(value = "9.5", inclusive = false)
            double v) {
      return v;
    }

    @Get("/amount")
    public BigDecimal amount(@DecimalMin("0.01") BigDecimal v) {
      return v;
    }

    @Get("/positive-double")
    public double positiveDouble(@Positive double v) {
      return v;
    }

    @Get("/name")
    public String name(@Size(min = 3, max = 5) String v) {
      return v;
    }

    @Get("/initial")
    public String initial(@Size(min = 1, max = 1) String v) {
      return v;
    }

    @Get("/pattern")
    public String pattern(@Pattern(regexp = "^a+$") String v) {
      return v;
    }

    @Get("/catastrophic")
    public String catastrophic(@Pattern(regexp = "(a+)+b") String v) {
      return v;
    }

    @Get("/not-blank")
    public String notBlank(@NotBlank String v) {
      return v;
    }

    @Get("/ids")
    public List<Integer> ids(@Size(min = 2, max = 3) List<Integer> id) {
      return id;
    }

    @Get("/tags")
    public Set<String> tags(@Size(min = 2, max = 3) Set<String> tag) {
      return tag;
    }

    @Get("/positive-ids")
    public List<Integer> positiveIds(List<@Min(1) Integer> id) {
      return id;
    }

    @Get("/optional-page")
    public int optionalPage(Optional<@Min(1) Integer> page) {
      return page.orElse(1);
    }

    @Get("/optional-limit")
    public int optionalLimit(@Max(100) Optional<Integer> limit) {
      return limit.orElse(10);
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  private static void assertError(
      String target, String type, List<?> loc, String msg, Object input, Map<String, ?> ctx) {
    TestResponse response = client.get(target);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(Expected.detail(Expected.error(type, loc, msg, input, ctx)));
  }

  @Test
  void accepts_a_value_within_the_bounds() {
    assertThat(client.get("/items/1").json()).isEqualTo(Expected.json("1"));
    assertThat(client.get("/items/1000").json()).isEqualTo(Expected.json("1000"));
  }

  @Test
  void rejects_a_value_under_min_as_greater_than_equal() {
    assertError(
        "/items/0",
        "greater_than_equal",
        List.of("path", "item_id"),
        "Input should be greater than or equal to 1",
        "0",
        Map.of("ge", 1));
  }

  @Test
  void rejects_a_value_over_max_as_less_than_equal() {
    assertError(
        "/items/1001",
        "less_than_equal",
        List.of("path", "item_id"),
        "Input should be less than or equal to 1000",
        "1001",
        Map.of("le", 1000));
  }

  @ParameterizedTest(name = "{0}?v={1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /positive         | 0  | greater_than       | gt | Input should be greater than 0
          /negative         | 0  | less_than          | lt | Input should be less than 0
          /positive-or-zero | -1 | greater_than_equal | ge | Input should be greater than or equal to 0
          /negative-or-zero | 1  | less_than_equal    | le | Input should be less than or equal to 0
          /positive-double  | -0.5 | greater_than     | gt | Input should be greater than 0
          """)
  void rejects_a_value_of_the_wrong_sign_as_a_bound_of_zero(
      String path, String input, String type, String op, String msg) {
    assertError(path + "?v=" + q(input), type, List.of("query", "v"), msg, input, Map.of(op, 0));
  }

  @ParameterizedTest(name = "{0}?v={1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /positive         | 1
          /negative         | -1
          /positive-or-zero | 0
          /negative-or-zero | 0
          """)
  void accepts_a_value_of_the_right_sign(String path, String input) {
    assertThat(client.get(path + "?v=" + input).status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}?v={1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /price           | 1.4 | greater_than_equal | ge | Input should be greater than or equal to 1.5 | 1.5
          /price           | 9.6 | less_than_equal    | le | Input should be less than or equal to 9.5    | 9.5
          /price-exclusive | 1.5 | greater_than       | gt | Input should be greater than 1.5             | 1.5
          /price-exclusive | 9.5 | less_than          | lt | Input should be less than 9.5                | 9.5
          /amount          | 0   | greater_than_equal | ge | Input should be greater than or equal to 0.01 | 0.01
          """)
  void rejects_a_value_beyond_a_decimal_bound(
      String path, String input, String type, String op, String msg, double bound) {
    assertError(
        path + "?v=" + q(input), type, List.of("query", "v"), msg, input, Map.of(op, bound));
  }

  @ParameterizedTest(name = "{0}?v={1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /price           | 1.5
          /price           | 9.5
          /price-exclusive | 1.51
          /price-exclusive | 9.49
          /amount          | 0.01
          """)
  void accepts_a_value_on_an_inclusive_bound_or_within_an_exclusive_one(String path, String input) {
    assertThat(client.get(path + "?v=" + input).status()).isEqualTo(200);
  }

  @Test
  void rejects_a_string_shorter_than_its_size() {
    assertError(
        "/name?v=ab",
        "string_too_short",
        List.of("query", "v"),
        "String should have at least 3 characters",
        "ab",
        Map.of("min_length", 3));
  }

  @Test
  void rejects_a_string_longer_than_its_size() {
    assertError(
        "/name?v=abcdef",
        "string_too_long",
        List.of("query", "v"),
        "String should have at most 5 characters",
        "abcdef",
        Map.of("max_length", 5));
  }

  @Test
  void counts_characters_not_utf16_units() {
    assertThat(client.get("/initial?v=" + q("😀")).status()).isEqualTo(200);
    assertThat(client.get("/name?v=" + q("ééé")).status()).isEqualTo(200);
  }

  @Test
  void words_a_size_of_one_in_the_singular() {
    assertError(
        "/initial?v=",
        "string_too_short",
        List.of("query", "v"),
        "String should have at least 1 character",
        "",
        Map.of("min_length", 1));
    assertError(
        "/initial?v=ab",
        "string_too_long",
        List.of("query", "v"),
        "String should have at most 1 character",
        "ab",
        Map.of("max_length", 1));
  }

  @Test
  void rejects_a_string_that_does_not_match_its_pattern() {
    assertThat(client.get("/pattern?v=aaa").status()).isEqualTo(200);
    assertError(
        "/pattern?v=ab",
        "string_pattern_mismatch",
        List.of("query", "v"),
        "String should match pattern '^a+$'",
        "ab",
        Map.of("pattern", "^a+$"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ''
      '   '
      """)
  void rejects_a_blank_string_as_too_short_after_stripping(String input) {
    assertError(
        "/not-blank?v=" + q(input),
        "string_too_short",
        List.of("query", "v"),
        "String should have at least 1 character",
        input,
        Map.of("min_length", 1));
  }

  @Test
  void accepts_a_string_that_is_not_blank() {
    assertThat(client.get("/not-blank?v=" + q(" a ")).json()).isEqualTo(Expected.string(" a "));
  }

  @Test
  void rejects_a_list_with_fewer_items_than_its_size() {
    TestResponse response = client.get("/ids?id=1");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "too_short", "loc": ["query", "id"],
                  "msg": "List should have at least 2 items after validation, not 1", "input": ["1"],
                  "ctx": {"field_type": "List", "min_length": 2, "actual_length": 1}}]}
                """));
  }

  @Test
  void rejects_a_list_with_more_items_than_its_size() {
    TestResponse response = client.get("/ids?id=1&id=2&id=3&id=4");

    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "too_long", "loc": ["query", "id"],
                  "msg": "List should have at most 3 items after validation, not 4", "input": ["1", "2", "3", "4"],
                  "ctx": {"field_type": "List", "max_length": 3, "actual_length": 4}}]}
                """));
  }

  @Test
  void accepts_a_list_within_its_size() {
    assertThat(client.get("/ids?id=1&id=2").json()).isEqualTo(TestClient.json("[1, 2]"));
  }

  @Test
  void counts_the_items_of_a_set_after_removing_duplicates() {
    TestResponse response = client.get("/tags?tag=a&tag=a");

    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "too_short", "loc": ["query", "tag"],
                  "msg": "Set should have at least 2 items after validation, not 1", "input": ["a", "a"],
                  "ctx": {"field_type": "Set", "min_length": 2, "actual_length": 1}}]}
                """));
  }

  @Test
  void rejects_a_set_with_more_distinct_items_than_its_size_without_counting_them() {
    TestResponse response = client.get("/tags?tag=a&tag=b&tag=c&tag=d&tag=e");

    assertThat(response.status()).isEqualTo(422);
    JsonNode error = response.json().get("detail").get(0);
    assertThat(error.get("type").asString()).isEqualTo("too_long");
    assertThat(error.get("loc")).isEqualTo(TestClient.json("[\"query\", \"tag\"]"));
    assertThat(error.get("msg").asString())
        .isEqualTo("Set should have at most 3 items after validation, not more");
    assertThat(error.get("input"))
        .isEqualTo(TestClient.json("[\"a\", \"b\", \"c\", \"d\", \"e\"]"));
    assertThat(error.get("ctx").get("field_type").asString()).isEqualTo("Set");
    assertThat(error.get("ctx").get("max_length").asInt()).isEqualTo(3);
  }

  @Test
  void accepts_a_set_whose_distinct_items_fit_its_size() {
    assertThat(client.get("/tags?tag=a&tag=b&tag=a&tag=b&tag=c").status()).isEqualTo(200);
  }

  @Test
  void checks_a_type_use_constraint_on_each_list_item() {
    TestResponse response = client.get("/positive-ids?id=1&id=0&id=5");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "greater_than_equal", "loc": ["query", "id", 1],
                  "msg": "Input should be greater than or equal to 1", "input": "0", "ctx": {"ge": 1}}]}
                """));
  }

  @Test
  void checks_a_constraint_on_an_optional_parameter_only_when_present() {
    assertThat(client.get("/optional-limit").json()).isEqualTo(Expected.json("10"));
    assertError(
        "/optional-limit?limit=101",
        "less_than_equal",
        List.of("query", "limit"),
        "Input should be less than or equal to 100",
        "101",
        Map.of("le", 100));
  }

  @Test
  void checks_a_type_use_constraint_inside_an_optional() {
    assertThat(client.get("/optional-page").json()).isEqualTo(Expected.json("1"));
    assertError(
        "/optional-page?page=0",
        "greater_than_equal",
        List.of("query", "page"),
        "Input should be greater than or equal to 1",
        "0",
        Map.of("ge", 1));
  }

  @Test
  @org.junit.jupiter.api.Timeout(
      60) // java.util.regex would backtrack for longer than the universe's age
  void a_pattern_that_backtracks_in_java_regex_is_matched_in_linear_time() {
    TestResponse response = client.get("/catastrophic?v=" + "a".repeat(5_000) + "c");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("detail").get(0).get("type").asString())
        .isEqualTo("string_pattern_mismatch");
    assertThat(client.get("/catastrophic?v=aaab").status()).isEqualTo(200);
  }

  public static class Lookahead {
    @Get("/lookahead")
    public String lookahead(@Pattern(regexp = "(?=a)a") String v) {
      return v;
    }
  }

  @Test
  void a_pattern_that_needs_backtracking_is_refused_when_the_app_is_built() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Snel.create().include(new Lookahead()))
        .hasMessageContaining("@Pattern(\"(?=a)a\") is not supported")
        .hasMessageContaining("linear time");
  }
}
