package dev.snel.models;

import static dev.snel.models.Expected.json;
import static dev.snel.models.Expected.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.Strict;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How each type of model field reads JSON: pydantic v2's lax coercion table (as FastAPI applies it
 * to a decoded body), {@code @Strict} mode, and the error items of what is refused. Each route
 * echoes a one-field model {@code {"value": ...}}, so the response shows what the field became.
 */
class CoercionTest {

  public enum Color {
    RED("red"),
    GREEN("green"),
    BLUE("blue");

    private final String value;

    Color(String value) {
      this.value = value;
    }

    @JsonValue
    public String value() {
      return value;
    }
  }

  public record IntBox(int value) {}

  public record LongBox(long value) {}

  public record DoubleBox(double value) {}

  public record BoolBox(boolean value) {}

  public record TextBox(String value) {}

  public record CharBox(char value) {}

  public record DecimalBox(BigDecimal value) {}

  public record BigIntegerBox(BigInteger value) {}

  public record UuidBox(UUID value) {}

  public record DateBox(LocalDate value) {}

  public record DateTimeBox(LocalDateTime value) {}

  public record OffsetDateTimeBox(OffsetDateTime value) {}

  public record InstantBox(Instant value) {}

  public record ColorBox(Color value) {}

  public record BytesBox(byte[] value) {}

  public record AnyBox(Object value) {}

  public record NodeBox(JsonNode value) {}

  public record MapBox(Map<String, Integer> value) {}

  public record ListBox(List<Integer> value) {}

  public record SetBox(Set<Integer> value) {}

  public record ArrayBox(int[] value) {}

  public record StrictIntBox(@Strict int value) {}

  public record StrictDoubleBox(@Strict double value) {}

  public record StrictBoolBox(@Strict boolean value) {}

  public record StrictTextBox(@Strict String value) {}

  /** Strict on the class: every field is strict. */
  @Strict
  public record StrictModel(int count, boolean flag) {}

  public static class Routes {
    @Post("/int")
    public IntBox integer(IntBox box) {
      return box;
    }

    @Post("/long")
    public LongBox longInteger(LongBox box) {
      return box;
    }

    @Post("/double")
    public DoubleBox number(DoubleBox box) {
      return box;
    }

    @Post("/bool")
    public BoolBox bool(BoolBox box) {
      return box;
    }

    @Post("/text")
    public TextBox text(TextBox box) {
      return box;
    }

    @Post("/char")
    public CharBox character(CharBox box) {
      return box;
    }

    @Post("/decimal")
    public DecimalBox decimal(DecimalBox box) {
      return box;
    }

    @Post("/bigint")
    public BigIntegerBox bigInteger(BigIntegerBox box) {
      return box;
    }

    @Post("/uuid")
    public UuidBox uuid(UuidBox box) {
      return box;
    }

    @Post("/date")
    public DateBox date(DateBox box) {
      return box;
    }

    @Post("/datetime")
    public DateTimeBox dateTime(DateTimeBox box) {
      return box;
    }

    @Post("/offset")
    public OffsetDateTimeBox offsetDateTime(OffsetDateTimeBox box) {
      return box;
    }

    @Post("/instant")
    public InstantBox instant(InstantBox box) {
      return box;
    }

    @Post("/color")
    public ColorBox color(ColorBox box) {
      return box;
    }

    @Post("/bytes")
    public BytesBox bytes(BytesBox box) {
      return box;
    }

    @Post("/any")
    public AnyBox any(AnyBox box) {
      return box;
    }

    @Post("/node")
    public NodeBox node(NodeBox box) {
      return box;
    }

    @Post("/map")
    public MapBox map(MapBox box) {
      return box;
    }

    @Post("/list")
    public ListBox list(ListBox box) {
      return box;
    }

    @Post("/set")
    public SetBox set(SetBox box) {
      return box;
    }

    @Post("/array")
    public ArrayBox array(ArrayBox box) {
      return box;
    }

    @Post("/strict-int")
    public StrictIntBox strictInt(StrictIntBox box) {
      return box;
    }

    @Post("/strict-double")
    public StrictDoubleBox strictDouble(StrictDoubleBox box) {
      return box;
    }

    @Post("/strict-bool")
    public StrictBoolBox strictBool(StrictBoolBox box) {
      return box;
    }

    @Post("/strict-text")
    public StrictTextBox strictText(StrictTextBox box) {
      return box;
    }

    @Post("/strict-model")
    public StrictModel strictModel(StrictModel model) {
      return model;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static TestResponse send(String path, String value) {
    return postJson(client, path, "{\"value\": " + value + "}");
  }

  @ParameterizedTest(name = "{0} reads {1} as {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          /int      | 5                        | 5
          /int      | -7                       | -7
          /int      | 5.0                      | 5
          /int      | "5"                      | 5
          /int      | " 5 "                    | 5
          /int      | "5.0"                    | 5
          /int      | "1_000"                  | 1000
          /int      | true                     | 1
          /int      | false                    | 0
          /int      | 2147483647               | 2147483647
          /long     | 9223372036854775807      | 9223372036854775807
          /long     | 1e3                      | 1000
          /double   | 5                        | 5.0
          /double   | 5.5                      | 5.5
          /double   | "5.5"                    | 5.5
          /double   | " 1e3 "                  | 1000.0
          /double   | true                     | 1.0
          /bool     | true                     | true
          /bool     | 0                        | false
          /bool     | 1                        | true
          /bool     | 1.0                      | true
          /bool     | "yes"                    | true
          /bool     | "Off"                    | false
          /bool     | "t"                      | true
          /bool     | "0"                      | false
          /text     | "hello"                  | "hello"
          /text     | ""                       | ""
          /char     | "x"                      | "x"
          /decimal  | "1.10"                   | "1.10"
          /decimal  | 1.5                      | "1.5"
          /decimal  | 3                        | "3"
          /decimal  | " 2.50 "                 | "2.50"
          /bigint   | 123456789012345678901234567890 | 123456789012345678901234567890
          /bigint   | "42"                     | 42
          /bigint   | 42.0                     | 42
          /uuid     | "a8098c1a-f86e-11da-bd1a-00112444be1e" | "a8098c1a-f86e-11da-bd1a-00112444be1e"
          /uuid     | "A8098C1AF86E11DABD1A00112444BE1E"     | "a8098c1a-f86e-11da-bd1a-00112444be1e"
          /date     | "2024-01-15"             | "2024-01-15"
          /date     | "2024-01-15T00:00:00"    | "2024-01-15"
          /date     | 1705276800               | "2024-01-15"
          /datetime | "2024-01-15T10:30:00"    | "2024-01-15T10:30:00"
          /datetime | "2024-01-15 10:30"       | "2024-01-15T10:30:00"
          /datetime | "2024-01-15T10:30:00.5"  | "2024-01-15T10:30:00.500000"
          /datetime | "2024-01-15"             | "2024-01-15T00:00:00"
          /datetime | 1705314600               | "2024-01-15T10:30:00"
          /offset   | "2024-01-15T10:30:00+02:00" | "2024-01-15T10:30:00+02:00"
          /offset   | "2024-01-15T10:30:00z"   | "2024-01-15T10:30:00Z"
          /offset   | 1705314600               | "2024-01-15T10:30:00Z"
          /instant  | "2024-01-15T12:30:00+02:00" | "2024-01-15T10:30:00Z"
          /instant  | 1705314600               | "2024-01-15T10:30:00Z"
          /instant  | 1705314600123            | "2024-01-15T10:30:00.123000Z"
          /instant  | 1705314600.5             | "2024-01-15T10:30:00.500000Z"
          /color    | "green"                  | "green"
          /bytes    | "aGVsbG8="               | "aGVsbG8="
          /bytes    | "aGVsbG8"                | "aGVsbG8="
          /bytes    | "-_-_"                   | "+/+/"
          /bytes    | "+/+/"                   | "+/+/"
          /any      | 5                        | 5
          /any      | "x"                      | "x"
          /any      | null                     | null
          /any      | {"a": [1, 2.5, null]}    | {"a": [1, 2.5, null]}
          /node     | {"a": [1, true]}         | {"a": [1, true]}
          /map      | {"a": 1, "b": "2"}       | {"a": 1, "b": 2}
          /map      | {}                       | {}
          /list     | [1, "2", 3.0]            | [1, 2, 3]
          /list     | []                       | []
          /set      | [1, 2, 2, "1"]           | [1, 2]
          /array    | [3, "4"]                 | [3, 4]
          """)
  void lax_mode_converts_like_pydantic(String path, String input, String output) {
    TestResponse response = send(path, input);

    assertThat(response.status()).as(response.text()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(json("{\"value\": " + output + "}"));
  }

  @ParameterizedTest(name = "{0} refuses {1} with {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          /int      | 5.5              | ["body","value"]   | int_from_float   | Input should be a valid integer, got a number with a fractional part |
          /int      | "x"              | ["body","value"]   | int_parsing      | Input should be a valid integer, unable to parse string as an integer |
          /int      | "5.5"            | ["body","value"]   | int_parsing      | Input should be a valid integer, unable to parse string as an integer |
          /int      | ""               | ["body","value"]   | int_parsing      | Input should be a valid integer, unable to parse string as an integer |
          /int      | 2147483648       | ["body","value"]   | less_than_equal  | Input should be less than or equal to 2147483647     | {"le": 2147483647}
          /int      | -2147483649      | ["body","value"]   | greater_than_equal | Input should be greater than or equal to -2147483648 | {"ge": -2147483648}
          /int      | 99999999999999999999999 | ["body","value"] | less_than_equal | Input should be less than or equal to 2147483647 | {"le": 2147483647}
          /int      | null             | ["body","value"]   | int_type         | Input should be a valid integer |
          /int      | [5]              | ["body","value"]   | int_type         | Input should be a valid integer |
          /int      | {"a": 1}         | ["body","value"]   | int_type         | Input should be a valid integer |
          /long     | 9223372036854775808 | ["body","value"] | less_than_equal | Input should be less than or equal to 9223372036854775807 | {"le": 9223372036854775807}
          /double   | "x"              | ["body","value"]   | float_parsing    | Input should be a valid number, unable to parse string as a number |
          /double   | null             | ["body","value"]   | float_type       | Input should be a valid number |
          /double   | [1]              | ["body","value"]   | float_type       | Input should be a valid number |
          /bool     | 2                | ["body","value"]   | bool_parsing     | Input should be a valid boolean, unable to interpret input |
          /bool     | "maybe"          | ["body","value"]   | bool_parsing     | Input should be a valid boolean, unable to interpret input |
          /bool     | 0.5              | ["body","value"]   | bool_type        | Input should be a valid boolean |
          /bool     | null             | ["body","value"]   | bool_type        | Input should be a valid boolean |
          /bool     | []               | ["body","value"]   | bool_type        | Input should be a valid boolean |
          /text     | 5                | ["body","value"]   | string_type      | Input should be a valid string |
          /text     | 5.5              | ["body","value"]   | string_type      | Input should be a valid string |
          /text     | true             | ["body","value"]   | string_type      | Input should be a valid string |
          /text     | null             | ["body","value"]   | string_type      | Input should be a valid string |
          /text     | ["a"]            | ["body","value"]   | string_type      | Input should be a valid string |
          /char     | "xy"             | ["body","value"]   | string_too_long  | String should have at most 1 character | {"max_length": 1}
          /char     | ""               | ["body","value"]   | string_too_short | String should have at least 1 character | {"min_length": 1}
          /char     | 5                | ["body","value"]   | string_type      | Input should be a valid string |
          /decimal  | "abc"            | ["body","value"]   | decimal_parsing  | Input should be a valid decimal |
          /decimal  | "NaN"            | ["body","value"]   | finite_number    | Input should be a finite number |
          /decimal  | true             | ["body","value"]   | decimal_type     | Decimal input should be an integer, float, string or Decimal object |
          /decimal  | null             | ["body","value"]   | decimal_type     | Decimal input should be an integer, float, string or Decimal object |
          /bigint   | 1.5              | ["body","value"]   | int_from_float   | Input should be a valid integer, got a number with a fractional part |
          /bigint   | "x"              | ["body","value"]   | int_parsing      | Input should be a valid integer, unable to parse string as an integer |
          /uuid     | 5                | ["body","value"]   | uuid_type        | UUID input should be a string, bytes or UUID object |
          /uuid     | null             | ["body","value"]   | uuid_type        | UUID input should be a string, bytes or UUID object |
          /uuid     | "550e8400-e29b-41d4-a716" | ["body","value"] | uuid_parsing | Input should be a valid UUID, invalid group count: expected 5, found 4 | {"error": "invalid group count: expected 5, found 4"}
          /date     | "2024-13-01"     | ["body","value"]   | date_from_datetime_parsing | Input should be a valid date or datetime, month value is outside expected range of 1-12 | {"error": "month value is outside expected range of 1-12"}
          /date     | 1705276801       | ["body","value"]   | date_from_datetime_inexact | Datetimes provided to dates should have zero time - e.g. be exact dates |
          /date     | null             | ["body","value"]   | date_type        | Input should be a valid date |
          /date     | true             | ["body","value"]   | date_type        | Input should be a valid date |
          /datetime | "yesterday"      | ["body","value"]   | datetime_from_date_parsing | Input should be a valid datetime or date, input is too short | {"error": "input is too short"}
          /datetime | null             | ["body","value"]   | datetime_type    | Input should be a valid datetime |
          /instant  | [1]              | ["body","value"]   | datetime_type    | Input should be a valid datetime |
          /color    | "purple"         | ["body","value"]   | enum             | Input should be 'red', 'green' or 'blue' | {"expected": "'red', 'green' or 'blue'"}
          /color    | "RED"            | ["body","value"]   | enum             | Input should be 'red', 'green' or 'blue' | {"expected": "'red', 'green' or 'blue'"}
          /color    | 1                | ["body","value"]   | enum             | Input should be 'red', 'green' or 'blue' | {"expected": "'red', 'green' or 'blue'"}
          /bytes    | "wrong!"         | ["body","value"]   | bytes_invalid_encoding | Data should be valid base64: Invalid symbol 33, offset 5. | {"encoding": "base64", "encoding_error": "Invalid symbol 33, offset 5."}
          /bytes    | 5                | ["body","value"]   | bytes_type       | Input should be a valid bytes |
          /map      | {"a": 1, "b": "x"} | ["body","value","b"] | int_parsing  | Input should be a valid integer, unable to parse string as an integer |
          /map      | [1]              | ["body","value"]   | dict_type        | Input should be a valid dictionary |
          /map      | null             | ["body","value"]   | dict_type        | Input should be a valid dictionary |
          /list     | [1, "x", 3]      | ["body","value",1] | int_parsing      | Input should be a valid integer, unable to parse string as an integer |
          /list     | "abc"            | ["body","value"]   | list_type        | Input should be a valid list |
          /list     | {"a": 1}         | ["body","value"]   | list_type        | Input should be a valid list |
          /list     | null             | ["body","value"]   | list_type        | Input should be a valid list |
          /set      | "x"              | ["body","value"]   | set_type         | Input should be a valid set |
          /array    | [1, 2.5]         | ["body","value",1] | int_from_float   | Input should be a valid integer, got a number with a fractional part |
          """)
  void lax_mode_refuses_what_pydantic_refuses(
      String path, String input, String loc, String type, String msg, String ctx) {
    TestResponse response = send(path, input);

    assertThat(response.status()).isEqualTo(422);
    String item =
        "{\"type\":\""
            + type
            + "\",\"loc\":"
            + loc
            + ",\"msg\":"
            + quote(msg)
            + ",\"input\":"
            + errorInput(path, input, loc)
            + (ctx == null ? "" : ",\"ctx\":" + ctx)
            + "}";
    assertThat(response.json()).isEqualTo(json("{\"detail\":[" + item + "]}"));
  }

  /** The input of the error: the value sent, or the list item the location points into. */
  private static String errorInput(String path, String input, String loc) {
    JsonNode location = json(loc);
    JsonNode value = json(input);
    for (int i = 2; i < location.size(); i++) {
      JsonNode segment = location.get(i);
      value = segment.isInt() ? value.get(segment.asInt()) : value.get(segment.asString());
    }
    return value.toString();
  }

  private static String quote(String text) {
    return MAPPER.writeValueAsString(text);
  }

  @ParameterizedTest(name = "{0} accepts {1} in strict mode")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          /strict-int    | 5     | 5
          /strict-double | 5     | 5.0
          /strict-double | 5.5   | 5.5
          /strict-bool   | false | false
          /strict-text   | "x"   | "x"
          """)
  void strict_mode_accepts_only_the_exact_json_type(String path, String input, String output) {
    TestResponse response = send(path, input);

    assertThat(response.status()).as(response.text()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(json("{\"value\": " + output + "}"));
  }

  @ParameterizedTest(name = "{0} refuses {1} in strict mode")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          /strict-int    | "5"   | int_type    | Input should be a valid integer
          /strict-int    | 5.0   | int_type    | Input should be a valid integer
          /strict-int    | true  | int_type    | Input should be a valid integer
          /strict-double | "5.5" | float_type  | Input should be a valid number
          /strict-double | true  | float_type  | Input should be a valid number
          /strict-bool   | 1     | bool_type   | Input should be a valid boolean
          /strict-bool   | "true" | bool_type  | Input should be a valid boolean
          /strict-text   | 5     | string_type | Input should be a valid string
          """)
  void strict_mode_refuses_conversions_with_the_type_error(
      String path, String input, String type, String msg) {
    TestResponse response = send(path, input);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                "{\"detail\":[{\"type\":\""
                    + type
                    + "\",\"loc\":[\"body\",\"value\"],\"msg\":\""
                    + msg
                    + "\",\"input\":"
                    + input
                    + "}]}"));
  }

  @Test
  void strict_on_a_model_makes_every_field_strict() {
    TestResponse response =
        postJson(client, "/strict-model", "{\"count\": \"5\", \"flag\": \"yes\"}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"int_type","loc":["body","count"],"msg":"Input should be a valid integer","input":"5"},
                  {"type":"bool_type","loc":["body","flag"],"msg":"Input should be a valid boolean","input":"yes"}]}"""));
    assertThat(postJson(client, "/strict-model", "{\"count\": 5, \"flag\": true}").json())
        .isEqualTo(json("{\"count\": 5, \"flag\": true}"));
  }
}
