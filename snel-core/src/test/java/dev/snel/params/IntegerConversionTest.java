package dev.snel.params;

import static dev.snel.params.Expected.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Integers from strings, as pydantic v2 reads them in lax mode; and, where Snel differs on purpose,
 * Java's bounded integer types: a value out of the type's range fails like a pydantic {@code
 * conint(ge=MIN, le=MAX)}, with 422, never a 500.
 */
class IntegerConversionTest {
  private static final String INT_PARSING =
      "Input should be a valid integer, unable to parse string as an integer";

  public static class Routes {
    @Get("/int")
    public int anInt(int v) {
      return v;
    }

    @Get("/boxed")
    public Integer boxed(Integer v) {
      return v;
    }

    @Get("/long")
    public long aLong(long v) {
      return v;
    }

    @Get("/short")
    public short aShort(short v) {
      return v;
    }

    @Get("/byte")
    public byte aByte(byte v) {
      return v;
    }

    @Get("/big")
    public BigInteger big(BigInteger v) {
      return v;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '5'         | 5
          ' 5 '       | 5
          '+5'        | 5
          '-5'        | -5
          '007'       | 7
          '-007'      | -7
          '0'         | 0
          '5.0'       | 5
          '5.000'     | 5
          '-5.0'      | -5
          '1_000'     | 1000
          '1_000.0'   | 1000
          '2147483647'| 2147483647
          """)
  void accepts_what_pydantic_accepts_as_an_int(String input, String expected) {
    TestResponse response = client.get("/int?v=" + q(input));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Expected.json(expected));
  }

  @ParameterizedTest(name = "\"{0}\" is not an int")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '5.5'
          '5.'
          'foo'
          ''
          ' '
          '1__0'
          '_1'
          '1_'
          '0x10'
          '1e3'
          '+-1'
          '--1'
          '5 5'
          '-'
          '-+1'
          '5-'
          """)
  void rejects_what_pydantic_rejects_as_an_int(String input) {
    TestResponse response = client.get("/int?v=" + q(input));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error("int_parsing", List.of("query", "v"), INT_PARSING, input)));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      '42'  | 42
      '-1'  | -1
      """)
  void reads_a_boxed_integer_like_an_int(String input, String expected) {
    assertThat(client.get("/boxed?v=" + q(input)).json()).isEqualTo(Expected.json(expected));
  }

  @ParameterizedTest(name = "{0}?v={1} is {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /int   | 2147483647           | 2147483647
          /int   | -2147483648          | -2147483648
          /long  | 9223372036854775807  | 9223372036854775807
          /long  | -9223372036854775808 | -9223372036854775808
          /long  | 999999999999999999   | 999999999999999999
          /long  | -999999999999999999  | -999999999999999999
          /long  | 1000000000000000000  | 1000000000000000000
          /long  | -0                   | 0
          /short | 32767                | 32767
          /short | -32768               | -32768
          /byte  | 127                  | 127
          /byte  | -128                 | -128
          """)
  void accepts_every_value_in_the_range_of_the_java_type(
      String path, String input, String expected) {
    TestResponse response = client.get(path + "?v=" + q(input));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Expected.json(expected));
  }

  @ParameterizedTest(name = "{0}?v={1} is over {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /int   | 2147483648             | 2147483647
          /int   | 99999999999999999999999 | 2147483647
          /long  | 9223372036854775808    | 9223372036854775807
          /short | 32768                  | 32767
          /byte  | 128                    | 127
          """)
  void rejects_a_value_over_the_java_type_like_a_pydantic_le_constraint(
      String path, String input, String max) {
    TestResponse response = client.get(path + "?v=" + q(input));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "less_than_equal",
                    List.of("query", "v"),
                    "Input should be less than or equal to " + max,
                    input,
                    Map.of("le", new BigInteger(max)))));
  }

  @ParameterizedTest(name = "{0}?v={1} is under {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /int   | -2147483649          | -2147483648
          /long  | -9223372036854775809 | -9223372036854775808
          /short | -32769               | -32768
          /byte  | -129                 | -128
          """)
  void rejects_a_value_under_the_java_type_like_a_pydantic_ge_constraint(
      String path, String input, String min) {
    TestResponse response = client.get(path + "?v=" + q(input));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "greater_than_equal",
                    List.of("query", "v"),
                    "Input should be greater than or equal to " + min,
                    input,
                    Map.of("ge", new BigInteger(min)))));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '123456789012345678901234567890'  | 123456789012345678901234567890
          '-123456789012345678901234567890' | -123456789012345678901234567890
          '1_000.0'                         | 1000
          """)
  void reads_a_big_integer_of_any_size(String input, String expected) {
    TestResponse response = client.get("/big?v=" + q(input));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Expected.json(expected));
  }

  @ParameterizedTest(name = "\"{0}\" is not a big integer")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      '1.5'
      'abc'
      """)
  void rejects_a_big_integer_that_is_not_an_integer(String input) {
    assertThat(client.get("/big?v=" + q(input)).json())
        .isEqualTo(
            Expected.detail(
                Expected.error("int_parsing", List.of("query", "v"), INT_PARSING, input)));
  }

  @Test
  void reads_a_big_integer_of_4300_digits() {
    String digits = "7".repeat(4300);
    TestResponse response = client.get("/big?v=" + digits);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Expected.json(digits));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/big", "/long", "/int"})
  void refuses_more_than_4300_digits_with_pydantics_int_parsing_size(String path) {
    String digits = "-" + "7".repeat(4301);
    TestResponse response = client.get(path + "?v=" + digits);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "int_parsing_size",
                    List.of("query", "v"),
                    "Unable to parse input string as an integer, exceeded maximum size",
                    digits)));
  }
}
