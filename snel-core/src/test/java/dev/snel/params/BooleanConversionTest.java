package dev.snel.params;

import static dev.snel.params.Expected.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Booleans from strings, as pydantic v2 reads them in lax mode: the words are case-insensitive. */
class BooleanConversionTest {

  public static class Routes {
    @Get("/bool")
    public boolean aBoolean(boolean v) {
      return v;
    }

    @Get("/boxed")
    public Boolean boxed(Boolean v) {
      return v;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @ParameterizedTest(name = "\"{0}\" is true")
  @ValueSource(
      strings = {"true", "True", "TRUE", "1", "yes", "YES", "on", "On", "t", "T", "y", "Y"})
  void reads_the_words_pydantic_takes_for_true(String input) {
    TestResponse response = client.get("/bool?v=" + q(input));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Expected.json("true"));
  }

  @ParameterizedTest(name = "\"{0}\" is false")
  @ValueSource(
      strings = {"false", "False", "FALSE", "0", "no", "No", "off", "OFF", "f", "F", "n", "N"})
  void reads_the_words_pydantic_takes_for_false(String input) {
    TestResponse response = client.get("/bool?v=" + q(input));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Expected.json("false"));
  }

  @ParameterizedTest(name = "\"{0}\" is not a boolean")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      'maybe'
      '2'
      ''
      'tru'
      '10'
      '00'
      ' true'
      'false '
      """)
  void rejects_any_other_word_without_trimming_it(String input) {
    TestResponse response = client.get("/bool?v=" + q(input));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "bool_parsing",
                    List.of("query", "v"),
                    "Input should be a valid boolean, unable to interpret input",
                    input)));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      'yes' | true
      'off' | false
      """)
  void reads_a_boxed_boolean_like_a_boolean(String input, String expected) {
    assertThat(client.get("/boxed?v=" + q(input)).json()).isEqualTo(Expected.json(expected));
  }
}
