package dev.snel.examples.handlingerrors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Main#loggingApp()}: handlers that log, then answer exactly as the built-in ones. */
class LoggingHandlersTest {
  private final TestClient logging = TestClient.of(Main.loggingApp());
  private final TestClient builtIn = TestClient.of(Main.app());

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /items/bar",
    "GET, /items-header/bar",
    "GET, /conflict",
    "GET, /teapot",
    "GET, /later",
    "GET, /nope",
    "POST, /items/foo",
    "GET, /numbers/x",
    "GET, /items/foo"
  })
  void answers_like_the_built_in_handlers(String method, String target) {
    TestResponse expected = builtIn.request(method, target).send();
    TestResponse actual = logging.request(method, target).send();
    assertThat(actual.status()).isEqualTo(expected.status());
    assertThat(actual.headers().toString()).isEqualTo(expected.headers().toString());
    assertThat(actual.text()).isEqualTo(expected.text());
  }
}
