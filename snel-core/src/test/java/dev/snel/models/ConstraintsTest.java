package dev.snel.models;

import static dev.snel.models.Expected.json;
import static dev.snel.models.Expected.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.MultipleOf;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * jakarta.validation constraints on model fields answer like the pydantic constraint they stand for
 * ({@code @Size(min = 3)} is {@code min_length=3}, {@code @Min(1)} is {@code ge=1}), with
 * pydantic's error type, message and ctx.
 */
class ConstraintsTest {

  public record SizedText(@Size(min = 2, max = 5) String value) {}

  public record AtLeastOneCharacter(@Size(min = 1) String value) {}

  public record SizedList(@Size(min = 1, max = 3) List<String> value) {}

  public record SizedSet(@Size(max = 2) Set<Integer> value) {}

  public record Bounded(@Min(1) @Max(10) int value) {}

  public record DecimalBounded(
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("99.5") double value) {}

  public record ExclusiveMax(@DecimalMax(value = "100", inclusive = false) BigDecimal value) {}

  public record PositiveNumber(@Positive int value) {}

  public record PositiveOrZeroNumber(@PositiveOrZero long value) {}

  public record NegativeNumber(@Negative double value) {}

  public record NegativeOrZeroNumber(@NegativeOrZero int value) {}

  public record Slug(@Pattern(regexp = "^[a-z]+(-[a-z]+)*$") String value) {}

  public record Contact(@Email String value) {}

  public record Step(@MultipleOf(5) int value) {}

  public record HalfStep(@MultipleOf(0.5) double value) {}

  public record Title(@NotBlank String value) {}

  public record Note(@NotEmpty String value) {}

  public record Tags(@NotEmpty List<String> value) {}

  public record Nickname(@Size(max = 3) Optional<String> value) {}

  public static class Routes {
    @Post("/sized-text")
    public SizedText sizedText(SizedText body) {
      return body;
    }

    @Post("/one-character")
    public AtLeastOneCharacter oneCharacter(AtLeastOneCharacter body) {
      return body;
    }

    @Post("/sized-list")
    public SizedList sizedList(SizedList body) {
      return body;
    }

    @Post("/sized-set")
    public SizedSet sizedSet(SizedSet body) {
      return body;
    }

    @Post("/bounded")
    public Bounded bounded(Bounded body) {
      return body;
    }

    @Post("/decimal-bounded")
    public DecimalBounded decimalBounded(DecimalBounded body) {
      return body;
    }

    @Post("/exclusive-max")
    public ExclusiveMax exclusiveMax(ExclusiveMax body) {
      return body;
    }

    @Post("/positive")
    public PositiveNumber positive(PositiveNumber body) {
      return body;
    }

    @Post("/positive-or-zero")
    public PositiveOrZeroNumber positiveOrZero(PositiveOrZeroNumber body) {
      return body;
    }

    @Post("/negative")
    public NegativeNumber negative(NegativeNumber body) {
      return body;
    }

    @Post("/negative-or-zero")
    public NegativeOrZeroNumber negativeOrZero(NegativeOrZeroNumber body) {
      return body;
    }

    @Post("/slug")
    public Slug slug(Slug body) {
      return body;
    }

    @Post("/contact")
    public Contact contact(Contact body) {
      return body;
    }

    @Post("/step")
    public Step step(Step body) {
      return body;
    }

    @Post("/half-step")
    public HalfStep halfStep(HalfStep body) {
      return body;
    }

    @Post("/title")
    public Title title(Title body) {
      return body;
    }

    @Post("/note")
    public Note note(Note body) {
      return body;
    }

    @Post("/tags")
    public Tags tags(Tags body) {
      return body;
    }

    @Post("/nickname")
    public Nickname nickname(Nickname body) {
      return body;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static TestResponse send(String path, String value) {
    return postJson(client, path, "{\"value\": " + value + "}");
  }

  @ParameterizedTest(name = "{0} accepts {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          /sized-text       | "ab"
          /sized-text       | "abcde"
          /sized-text       | "😀😀"
          /sized-list       | ["a"]
          /sized-list       | ["a", "b", "c"]
          /sized-set        | [1, 2, 2, 1]
          /bounded          | 1
          /bounded          | 10
          /decimal-bounded  | 0.001
          /decimal-bounded  | 99.5
          /exclusive-max    | 99.99
          /positive         | 1
          /positive-or-zero | 0
          /negative         | -0.5
          /negative-or-zero | 0
          /slug             | "models-and-validation"
          /contact          | "alice@example.com"
          /contact          | "alice.o'hara+tag@mail.example.co.uk"
          /step             | 15
          /step             | 0
          /half-step        | 1.5
          /title            | " x "
          /note             | " "
          /tags             | ["a"]
          /nickname         | "abc"
          /nickname         | null
          """)
  void accepts_values_within_the_constraints(String path, String value) {
    TestResponse response = send(path, value);

    assertThat(response.status()).as(response.text()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0} refuses {1} with {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          /sized-text       | "a"       | string_too_short   | String should have at least 2 characters | {"min_length": 2}
          /sized-text       | "😀"      | string_too_short   | String should have at least 2 characters | {"min_length": 2}
          /sized-text       | "abcdef"  | string_too_long    | String should have at most 5 characters  | {"max_length": 5}
          /one-character    | ""        | string_too_short   | String should have at least 1 character  | {"min_length": 1}
          /sized-list       | []        | too_short          | List should have at least 1 item after validation, not 0 | {"field_type": "List", "min_length": 1, "actual_length": 0}
          /sized-list       | ["a","b","c","d"] | too_long   | List should have at most 3 items after validation, not 4 | {"field_type": "List", "max_length": 3, "actual_length": 4}
          /bounded          | 0         | greater_than_equal | Input should be greater than or equal to 1 | {"ge": 1}
          /bounded          | 11        | less_than_equal    | Input should be less than or equal to 10   | {"le": 10}
          /decimal-bounded  | 0         | greater_than       | Input should be greater than 0             | {"gt": 0}
          /decimal-bounded  | 99.6      | less_than_equal    | Input should be less than or equal to 99.5 | {"le": 99.5}
          /exclusive-max    | 100       | less_than          | Input should be less than 100              | {"lt": 100}
          /positive         | 0         | greater_than       | Input should be greater than 0             | {"gt": 0}
          /positive-or-zero | -1        | greater_than_equal | Input should be greater than or equal to 0 | {"ge": 0}
          /negative         | 0.0       | less_than          | Input should be less than 0                | {"lt": 0}
          /negative-or-zero | 1         | less_than_equal    | Input should be less than or equal to 0    | {"le": 0}
          /slug             | "Models"  | string_pattern_mismatch | String should match pattern '^[a-z]+(-[a-z]+)*$' | {"pattern": "^[a-z]+(-[a-z]+)*$"}
          /step             | 7         | multiple_of        | Input should be a multiple of 5            | {"multiple_of": 5}
          /half-step        | 0.3       | multiple_of        | Input should be a multiple of 0.5          | {"multiple_of": 0.5}
          /title            | "   "     | string_too_short   | String should have at least 1 character    | {"min_length": 1}
          /title            | ""        | string_too_short   | String should have at least 1 character    | {"min_length": 1}
          /note             | ""        | string_too_short   | String should have at least 1 character    | {"min_length": 1}
          /tags             | []        | too_short          | List should have at least 1 item after validation, not 0 | {"field_type": "List", "min_length": 1, "actual_length": 0}
          /nickname         | "abcd"    | string_too_long    | String should have at most 3 characters    | {"max_length": 3}
          """)
  void refuses_values_outside_the_constraints_with_pydantics_error(
      String path, String value, String type, String msg, String ctx) {
    TestResponse response = send(path, value);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json()).isEqualTo(json(item(type, msg, value, ctx)));
  }

  private static String item(String type, String msg, String input, String ctx) {
    return "{\"detail\":[{\"type\":\""
        + type
        + "\",\"loc\":[\"body\",\"value\"],\"msg\":"
        + MAPPER.writeValueAsString(msg)
        + ",\"input\":"
        + input
        + ",\"ctx\":"
        + ctx
        + "}]}";
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          alice.example.com    | An email address must have an @-sign.
          @example.com         | There must be something before the @-sign.
          alice@               | There must be something after the @-sign.
          alice@localhost      | The part after the @-sign is not valid. It should have a period.
          .alice@example.com   | An email address cannot start with a period.
          alice.@example.com   | An email address cannot have a period immediately before the @-sign.
          al..ice@example.com  | An email address cannot have two periods in a row.
          alice@.example.com   | An email address cannot have a period immediately after the @-sign.
          alice@example.com.   | An email address cannot end with a period.
          ali(ce@example.com   | The email address contains invalid characters before the @-sign: '('.
          alice@exa!mple.com   | The part after the @-sign contains invalid characters: '!'.
          a@-bad-.com          | An email address cannot have a hyphen immediately after the @-sign.
          a@bad-.com           | An email address cannot have a period and a hyphen next to each other.
          a@example.com-       | An email address cannot end with a hyphen.
          a@ab--cd.com         | An email address cannot have two letters followed by two dashes immediately after the @-sign or after a period, except Punycode.
          a@example.123        | The part after the @-sign is not valid. It is not within a valid top-level domain.
          a@mail.test          | The part after the @-sign is a special-use or reserved name that cannot be used with email.
          a@LOCALHOST.localhost | The part after the @-sign is a special-use or reserved name that cannot be used with email.
          """)
  void refuses_an_invalid_email_with_email_validators_reason(String address, String reason) {
    TestResponse response = send("/contact", MAPPER.writeValueAsString(address));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                item(
                    "value_error",
                    "value is not a valid email address: " + reason,
                    MAPPER.writeValueAsString(address),
                    "{\"reason\":" + MAPPER.writeValueAsString(reason) + "}")));
  }

  static Stream<Arguments> tooLongEmails() {
    String label = "b".repeat(63);
    return Stream.of(
        Arguments.of(
            "a".repeat(65) + "@example.com",
            "The email address is too long before the @-sign (1 character too many)."),
        Arguments.of(
            "a@" + "b".repeat(65) + ".com",
            "After the @-sign, periods cannot be separated by so many characters (2 characters too many)."),
        Arguments.of(
            "a@" + (label + ".").repeat(4) + "com",
            "The email address is too long after the @-sign (6 characters too many)."),
        Arguments.of(
            "a".repeat(64) + "@" + label + "." + label + "." + "d".repeat(60) + ".com",
            "The email address is too long (3 characters too many)."),
        Arguments.of("a".repeat(3000) + "@example.com", "Length must not exceed 2048 characters"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("tooLongEmails")
  void refuses_an_email_over_email_validators_length_limits(String address, String reason) {
    TestResponse response = send("/contact", MAPPER.writeValueAsString(address));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                item(
                    "value_error",
                    "value is not a valid email address: " + reason,
                    MAPPER.writeValueAsString(address),
                    "{\"reason\":" + MAPPER.writeValueAsString(reason) + "}")));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          John.Doe@Example.COM      | John.Doe@example.com
          ` alice@example.com `     | alice@example.com
          ALICE@EXAMPLE.COM         | ALICE@example.com
          """)
  void an_email_comes_back_in_email_validators_normal_form(String address, String normal) {
    TestResponse response = send("/contact", MAPPER.writeValueAsString(address));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(json("{\"value\":" + MAPPER.writeValueAsString(normal) + "}"));
  }

  @Test
  void a_set_with_too_many_distinct_items_is_too_long_without_a_count() {
    TestResponse response = send("/sized-set", "[1, 2, 3, 3]");

    assertThat(response.status()).isEqualTo(422);
    var error = response.json().get("detail").get(0);
    assertThat(error.get("type").asString()).isEqualTo("too_long");
    assertThat(error.get("loc")).isEqualTo(json("[\"body\",\"value\"]"));
    assertThat(error.get("msg").asString())
        .isEqualTo("Set should have at most 2 items after validation, not more");
    assertThat(error.get("input")).isEqualTo(json("[1, 2, 3, 3]"));
    assertThat(error.get("ctx").get("field_type").asString()).isEqualTo("Set");
    assertThat(error.get("ctx").get("max_length").asInt()).isEqualTo(2);
  }

  public record Labels(List<@Size(max = 3) String> value, Map<String, @Positive Integer> counts) {}

  public static class ItemConstraintRoutes {
    @Post("/labels")
    public Labels labels(Labels body) {
      return body;
    }
  }

  @Test
  void a_constraint_on_list_items_or_map_values_checks_each_one_at_its_location() {
    TestResponse response =
        postJson(
            TestClient.of(Snel.create().include(new ItemConstraintRoutes())),
            "/labels",
            "{\"value\": [\"ab\", \"abcd\"], \"counts\": {\"a\": 1, \"b\": 0}}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail": [
                  {"type": "string_too_long", "loc": ["body", "value", 1], "msg": "String should have at most 3 characters",
                   "input": "abcd", "ctx": {"max_length": 3}},
                  {"type": "greater_than", "loc": ["body", "counts", "b"], "msg": "Input should be greater than 0",
                   "input": 0, "ctx": {"gt": 0}}]}"""));
  }

  @Test
  void a_constraint_on_list_items_is_in_the_items_json_schema() {
    var schema =
        dev.snel.internal.schema.JsonSchemas.standalone(
            dev.snel.internal.schema.Schemas.of(Labels.class), false);
    assertThat(schema.get("$defs").get("Labels").get("properties").get("value").get("items"))
        .isEqualTo(json("{\"type\": \"string\", \"maxLength\": 3}"));
    assertThat(
            schema
                .get("$defs")
                .get("Labels")
                .get("properties")
                .get("counts")
                .get("additionalProperties"))
        .isEqualTo(json("{\"type\": \"integer\", \"exclusiveMinimum\": 0}"));
  }
}
