package dev.snel.params;

import static dev.snel.params.Expected.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dates and times from strings, as pydantic v2 reads them in lax mode (RFC 3339 with its
 * leniencies, unix timestamps), with the errors of its {@code speedate} parser. The routes answer
 * with the Java value's ISO text.
 *
 * <p>In lax mode pydantic tries a date that is not a date as a datetime, and a datetime that is not
 * a datetime as a date, and reports why the second try failed: a date's error is the datetime
 * parser's ({@code date_from_datetime_parsing}), a datetime's error the date parser's ({@code
 * datetime_from_date_parsing}).
 */
class DateTimeConversionTest {

  public static class Routes {
    @Get("/date")
    public String date(LocalDate v) {
      return v.toString();
    }

    @Get("/local-date-time")
    public String localDateTime(LocalDateTime v) {
      return v.toString();
    }

    @Get("/offset-date-time")
    public String offsetDateTime(OffsetDateTime v) {
      return v.toString();
    }

    @Get("/instant")
    public String instant(Instant v) {
      return v.toString();
    }

    @Get("/time")
    public String time(LocalTime v) {
      return v.toString();
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  private static void assertValue(String path, String input, String expected) {
    TestResponse response = client.get(path + "?v=" + q(input));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Expected.string(expected));
  }

  private static void assertError(
      String path, String input, String type, String prefix, String error) {
    TestResponse response = client.get(path + "?v=" + q(input));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    type, List.of("query", "v"), prefix + error, input, Map.of("error", error))));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '2024-01-31'                | 2024-01-31
          '2024-02-29'                | 2024-02-29
          '2024-01-31T00:00:00'       | 2024-01-31
          '2024-01-31T00:00:00Z'      | 2024-01-31
          '2024-01-31 00:00'          | 2024-01-31
          '2024-01-31T00:00:00+02:00' | 2024-01-31
          '1706659200'                | 2024-01-31
          """)
  void accepts_a_date_or_a_datetime_at_midnight_as_a_date(String input, String expected) {
    assertValue("/date", input, expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      '2024-01-31T10:00:00'
      '2024-01-31T00:00:01Z'
      '1706659201'
      """)
  void rejects_a_datetime_with_a_time_as_an_inexact_date(String input) {
    TestResponse response = client.get("/date?v=" + q(input));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "date_from_datetime_inexact",
                    List.of("query", "v"),
                    "Datetimes provided to dates should have zero time - e.g. be exact dates",
                    input)));
  }

  @ParameterizedTest(name = "\"{0}\": {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '2024-13-01'          | month value is outside expected range of 1-12
          '2024-00-01'          | month value is outside expected range of 1-12
          '2023-02-29'          | day value is outside expected range
          '2024-01-32'          | day value is outside expected range
          '24-01-01'            | input is too short
          'foo'                 | input is too short
          ''                    | input is too short
          '2024/01/01'          | invalid date separator, expected `-`
          '2024-1-011'          | invalid character in month
          '2024-01-3x'          | invalid character in day
          'abcd-01-01'          | invalid character in year
          '2024-01-31X'         | invalid datetime separator, expected `T`, `t`, `_` or space
          '2024-01-31T'         | input is too short
          '2024-01-31T25:00'    | hour value is outside expected range of 0-23
          '2024-01-31T10:60'    | minute value is outside expected range of 0-59
          '2024-01-31T00:00:00+' | invalid timezone hour
          """)
  void rejects_a_bad_date_with_the_datetime_parsers_error(String input, String error) {
    assertError(
        "/date",
        input,
        "date_from_datetime_parsing",
        "Input should be a valid date or datetime, ",
        error);
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '2024-01-31T10:20:30Z'             | 2024-01-31T10:20:30Z
          '2024-01-31t10:20:30z'             | 2024-01-31T10:20:30Z
          '2024-01-31 10:20'                 | 2024-01-31T10:20Z
          '2024-01-31_10:20:30'              | 2024-01-31T10:20:30Z
          '2024-01-31T10:20:30.123456+02:00' | 2024-01-31T10:20:30.123456+02:00
          '2024-01-31T10:20:30,5-0130'       | 2024-01-31T10:20:30.500-01:30
          '2024-01-31T10:20:30.1234567Z'     | 2024-01-31T10:20:30.123456Z
          '2024-01-31'                       | 2024-01-31T00:00Z
          '1706696430'                       | 2024-01-31T10:20:30Z
          """)
  void reads_an_offset_date_time_in_utc_unless_it_names_an_offset(String input, String expected) {
    assertValue("/offset-date-time", input, expected);
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '2024-01-31T10:20:30Z'             | 2024-01-31T10:20:30Z
          '2024-01-31T10:20:30.123456+02:00' | 2024-01-31T08:20:30.123456Z
          '2024-01-31 10:20'                 | 2024-01-31T10:20:00Z
          """)
  void reads_an_instant_as_the_moment_the_string_names(String input, String expected) {
    assertValue("/instant", input, expected);
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '2024-01-31T10:20:30'              | 2024-01-31T10:20:30
          '2024-01-31 10:20'                 | 2024-01-31T10:20
          '2024-01-31T10:20:30.123456+02:00' | 2024-01-31T10:20:30.123456
          '2024-01-31'                       | 2024-01-31T00:00
          """)
  void reads_a_local_date_time_keeping_the_wall_clock_time(String input, String expected) {
    assertValue("/local-date-time", input, expected);
  }

  @ParameterizedTest(name = "{0}?v={1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /offset-date-time | '2024-01-31T25:00:00'       | unexpected extra characters at the end of the input
          /offset-date-time | '2024-01-31T10:20:30+24:00' | unexpected extra characters at the end of the input
          /offset-date-time | '2024-01-31T10:20:30 UTC'   | unexpected extra characters at the end of the input
          /offset-date-time | '2024-13-01T10:00:00'       | month value is outside expected range of 1-12
          /offset-date-time | '2023-02-29'                | day value is outside expected range
          /offset-date-time | '2024/01/31 10:00'          | invalid date separator, expected `-`
          /offset-date-time | 'foo'                       | input is too short
          /offset-date-time | ''                          | input is too short
          /local-date-time  | '2024-01-31T10:61'          | unexpected extra characters at the end of the input
          /local-date-time  | '2024-01-32T10:00'          | day value is outside expected range
          /instant          | '2024-01-31T10:20:30.'      | unexpected extra characters at the end of the input
          /instant          | '31-01-2024'                | invalid character in year
          """)
  void rejects_a_bad_datetime_with_the_date_parsers_error(String path, String input, String error) {
    assertError(
        path,
        input,
        "datetime_from_date_parsing",
        "Input should be a valid datetime or date, ",
        error);
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '10:20'             | 10:20
          '10:20:30'          | 10:20:30
          '10:20:30.5'        | 10:20:30.500
          '10:20:30.1234567'  | 10:20:30.123456
          '10:20:30Z'         | 10:20:30
          '10:20:30+02:00'    | 10:20:30
          '23:59:59.999999'   | 23:59:59.999999
          """)
  void reads_a_local_time(String input, String expected) {
    assertValue("/time", input, expected);
  }

  @ParameterizedTest(name = "\"{0}\": {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '25:00'        | hour value is outside expected range of 0-23
          '24:00:00'     | hour value is outside expected range of 0-23
          '10:60'        | minute value is outside expected range of 0-59
          '10:20:60'     | second value is outside expected range of 0-59
          '10'           | input is too short
          ''             | input is too short
          '10-20'        | invalid time separator, expected `:`
          'ab:20'        | invalid character in hour
          '10:2x'        | invalid character in minute
          '10:20:3x'     | invalid character in second
          '10:20:30.'    | second fraction digits missing after `.`
          '10:20:30x'    | invalid timezone sign
          '10:20+2'      | invalid timezone hour
          '10:20+02'     | invalid timezone minute
          '10:20+02:6'   | invalid timezone minute
          '10:20+02:60'  | timezone minute value is outside expected range of 0-59
          '10:20:30Z!'   | unexpected extra characters at the end of the input
          """)
  void rejects_a_bad_time_with_the_time_parsers_error(String input, String error) {
    assertError("/time", input, "time_parsing", "Input should be in a valid time format, ", error);
  }
}
