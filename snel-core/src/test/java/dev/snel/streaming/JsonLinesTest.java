package dev.snel.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.Get;
import dev.snel.JsonLines;
import dev.snel.ResponseValidationException;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** JSON Lines through the in-process client: one JSON value per line, each through its schema. */
class JsonLinesTest {
  public record Line(int n, String text) {}

  static final List<String> CLOSED = new ArrayList<>();

  public static final class Routes {
    @Get("/lines")
    public JsonLines<Line> lines() {
      return JsonLines.of(
          IntStream.range(0, 3)
              .mapToObj(i -> new Line(i, "multi\nline " + i))
              .onClose(() -> CLOSED.add("closed")));
    }

    /** Items read as the item type, whatever their class: the second lacks "text". */
    @Get("/invalid")
    @SuppressWarnings("unchecked")
    public JsonLines<Line> invalid() {
      return JsonLines.of(
          (Stream<Line>) (Stream<?>) Stream.of(Map.of("n", 0, "text", "fine"), Map.of("n", 1)));
    }

    @Get("/generated")
    public JsonLines<Integer> generated() {
      return JsonLines.generate(
          sink -> {
            sink.send(1);
            sink.send(2);
          });
    }
  }

  @Test
  void anItemThatDoesNotFitTheItemSchemaFailsTheStreamAfterTheLinesBeforeIt() {
    try (TestClient client = TestClient.of(Snel.create().include(new Routes()))) {
      assertThatThrownBy(() -> client.get("/invalid"))
          .hasMessageContaining("the streamed body failed after 22 bytes")
          .hasRootCauseInstanceOf(ResponseValidationException.class);
    }
  }

  @Test
  void eachItemIsOneLineOfJsonAndTheStreamIsClosedAfter() {
    try (TestClient client = TestClient.of(Snel.create().include(new Routes()))) {
      TestResponse response = client.get("/lines");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("content-type")).contains("application/x-ndjson");
      assertThat(response.headers().contains("content-length")).isFalse();
      assertThat(response.text())
          .isEqualTo(
              """
              {"n":0,"text":"multi\\nline 0"}
              {"n":1,"text":"multi\\nline 1"}
              {"n":2,"text":"multi\\nline 2"}
              """);
      assertThat(CLOSED).containsExactly("closed");
      assertThat(client.get("/generated").text()).isEqualTo("1\n2\n");
    }
  }
}
