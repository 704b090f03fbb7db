package dev.snel.params;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Percent-decoding of query values and path segments as Starlette gets them from Python's unquote:
 * every valid escape decoded, a malformed one kept as sent, and bytes that are not UTF-8 replaced
 * by U+FFFD.
 */
class PercentDecodingTest {

  public static class Routes {
    @Get("/echo")
    public String echo(String v) {
      return v;
    }

    @Get("/paths/{v}")
    public String path(String v) {
      return v;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          %C3%A9%zz      | é%zz
          %zz%C3%A9      | %zzé
          100%           | 100%
          %4             | %4
          a+b%2Bc%       | a b+c%
          %C3            | \uFFFD
          %C3x%A9        | \uFFFDx\uFFFD
          %FF%FE         | \uFFFD\uFFFD
          %ED%A0%80      | \uFFFD\uFFFD\uFFFD
          %F0%9F%98%80   | 😀
          """)
  void decodes_a_query_value_like_pythons_unquote(String raw, String expected) {
    assertThat(client.get("/echo?v=" + raw).json()).isEqualTo(Expected.string(expected));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          caf%C3%A9%zz   | café%zz
          a+b%C3         | a+b\uFFFD
          """)
  void decodes_a_path_segment_like_uvicorn(String raw, String expected) {
    assertThat(client.get("/paths/" + raw).json()).isEqualTo(Expected.string(expected));
  }
}
