package dev.snel.params;

import static dev.snel.params.Expected.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Floating-point numbers and decimals from strings, as pydantic v2 reads them in lax mode. The
 * routes answer with the Java value's text, so that infinities and NaN can be checked too.
 */
class NumberConversionTest {
  private static final String FLOAT_PARSING =
      "Input should be a valid number, unable to parse string as a number";

  public static class Routes {
    @Get("/double")
    public String aDouble(double v) {
      return String.valueOf(v);
    }

    @Get("/float")
    public String aFloat(float v) {
      return String.valueOf(v);
    }

    @Get("/decimal")
    public String aDecimal(BigDecimal v) {
      return v.toPlainString();
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '1.5'       | 1.5
          '-1.5'      | -1.5
          '+1.5'      | 1.5
          '5'         | 5.0
          ' 2.5 '     | 2.5
          '1e3'       | 1000.0
          '1E-2'      | 0.01
          '.5'        | 0.5
          '5.'        | 5.0
          '1_000.5'   | 1000.5
          'inf'       | Infinity
          'INF'       | Infinity
          '+infinity' | Infinity
          '-Infinity' | -Infinity
          'nan'       | NaN
          'NaN'       | NaN
          """)
  void accepts_what_pydantic_accepts_as_a_float(String input, String expected) {
    TestResponse response = client.get("/double?v=" + q(input));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Expected.string(expected));
  }

  @ParameterizedTest(name = "\"{0}\" is not a float")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          'abc'
          ''
          '5d'
          '5f'
          '0x1p3'
          '1.2.3'
          '1__0.5'
          '_1.5'
          'e5'
          'infinite'
          '1,5'
          """)
  void rejects_what_pydantic_rejects_as_a_float(String input) {
    TestResponse response = client.get("/double?v=" + q(input));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error("float_parsing", List.of("query", "v"), FLOAT_PARSING, input)));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      '1.5'  | 1.5
      '-inf' | -Infinity
      """)
  void reads_a_float_like_a_double(String input, String expected) {
    assertThat(client.get("/float?v=" + q(input)).json()).isEqualTo(Expected.string(expected));
  }

  @ParameterizedTest(name = "\"{0}\" is not a float")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      'abc'
      """)
  void rejects_a_float_like_a_double(String input) {
    assertThat(client.get("/float?v=" + q(input)).json())
        .isEqualTo(
            Expected.detail(
                Expected.error("float_parsing", List.of("query", "v"), FLOAT_PARSING, input)));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '1.50'      | 1.50
          '-0.5'      | -0.5
          ' 2.5 '     | 2.5
          '1e3'       | 1000
          '.5'        | 0.5
          '1_000.25'  | 1000.25
          '12345678901234567890.123456789' | 12345678901234567890.123456789
          """)
  void accepts_what_pydantic_accepts_as_a_decimal_keeping_every_digit(
      String input, String expected) {
    TestResponse response = client.get("/decimal?v=" + q(input));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Expected.string(expected));
  }

  @ParameterizedTest(name = "\"{0}\" is not a decimal")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      'abc'
      ''
      '1.2.3'
      '0x10'
      """)
  void rejects_what_pydantic_rejects_as_a_decimal(String input) {
    TestResponse response = client.get("/decimal?v=" + q(input));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "decimal_parsing",
                    List.of("query", "v"),
                    "Input should be a valid decimal",
                    input)));
  }

  @ParameterizedTest(name = "\"{0}\" is not finite")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      'inf'
      '-Infinity'
      'nan'
      """)
  void rejects_an_infinite_or_nan_decimal_as_pydantic_does_by_default(String input) {
    TestResponse response = client.get("/decimal?v=" + q(input));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "finite_number",
                    List.of("query", "v"),
                    "Input should be a finite number",
                    input)));
  }

  @Test
  void reads_a_double_of_2000_digits_in_one_pass() {
    TestResponse response = client.get("/double?v=" + "1".repeat(2000) + "." + "5".repeat(2000));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Expected.string("Infinity"));
  }

  @Test
  void reads_a_double_of_2000_underscored_digits() {
    TestResponse response = client.get("/double?v=0." + "0_".repeat(1000) + "1");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Expected.string("0.0"));
  }

  @ParameterizedTest(name = "{0} digits")
  @CsvSource({"4301", "300000"})
  void refuses_a_decimal_of_more_than_4300_digits(int digits) {
    String input = "9".repeat(digits);
    TestResponse response = client.get("/decimal?v=" + input);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "decimal_parsing",
                    List.of("query", "v"),
                    "Input should be a valid decimal",
                    input)));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({"1e99999999999", "1e5000", "1e-5000"})
  void refuses_a_decimal_whose_exponent_is_beyond_4300(String input) {
    TestResponse response = client.get("/decimal?v=" + input);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "decimal_parsing",
                    List.of("query", "v"),
                    "Input should be a valid decimal",
                    input)));
  }
}
