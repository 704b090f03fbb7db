package dev.snel.examples.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import dev.snel.testing.TestStream;
import org.junit.jupiter.api.Test;

/** The example's streams in-process: exact framing, headers and OpenAPI. */
class TokenStreamsTest {
  private final TestClient client = TestClient.of(Main.app());

  @Test
  void words_are_one_event_each_then_a_done_event() {
    TestResponse response = client.get("/stream/words?text=Hello%20streaming%20world&delay_ms=0");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("text/event-stream; charset=utf-8");
    assertThat(response.header("cache-control")).contains("no-cache");
    assertThat(response.headers().contains("content-length")).isFalse();
    assertThat(response.text())
        .isEqualTo(
            """
            data: {"token":"Hello"}

            data: {"token":"streaming"}

            data: {"token":"world"}

            event: done
            data: {}

            """);
  }

  @Test
  void the_countdown_resumes_after_the_last_event_id_a_reconnecting_browser_sends() {
    assertThat(
            client.request("GET", "/stream/countdown").header("Last-Event-ID", "1").send().text())
        .isEqualTo(
            """
            data: 0
            id: 0
            retry: 1000

            event: done
            data: [DONE]

            """);
    assertThat(client.get("/stream/countdown?from=0").text()).startsWith("data: 0\nid: 0\n");
    assertThat(
            client.request("GET", "/stream/countdown").header("Last-Event-ID", "x").send().status())
        .isEqualTo(422);
  }

  @Test
  void tokens_arrive_while_the_model_generates_and_closing_the_stream_stops_it() {
    FakeModel model = new FakeModel();
    TestClient local = TestClient.of(Snel.create().include(new TokenStreams(model)));
    try (TestStream stream =
        local.request("GET", "/stream/words?text=one%20two&delay_ms=60000").stream()) {
      assertThat(stream.lines().findFirst()).contains("data: {\"token\":\"one\"}");
      assertThat(model.tokensGenerated()).isEqualTo(1); // "two" is a minute away
    } // as if the browser tab closed: the model is interrupted
    assertThat(model.running()).isZero();
  }

  @Test
  void lines_are_count_json_lines() {
    TestResponse response = client.get("/stream/lines?count=3");

    assertThat(response.header("content-type")).contains("application/x-ndjson");
    assertThat(response.text()).isEqualTo("{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n");
    assertThat(client.get("/stream/lines?count=0").text()).isEmpty();
  }

  @Test
  void a_negative_delay_or_count_is_a_422_before_anything_streams() {
    assertThat(client.get("/stream/words?text=a&delay_ms=-1").status()).isEqualTo(422);
    assertThat(client.get("/stream/lines?count=-1").status()).isEqualTo(422);
    assertThat(client.get("/stream/words").json().at("/detail/0/loc").toString())
        .isEqualTo("[\"query\",\"text\"]");
  }

  @Test
  void openapi_documents_both_streams_by_media_type_and_item_schema() {
    var paths = client.get("/openapi.json").json().get("paths");

    assertThat(
            paths.at(
                "/~1stream~1words/get/responses/200/content/text~1event-stream/itemSchema"
                    + "/properties/data/contentSchema/$ref"))
        .hasToString("\"#/components/schemas/Token\"");
    assertThat(
            paths.at(
                "/~1stream~1lines/get/responses/200/content/application~1x-ndjson/itemSchema/$ref"))
        .hasToString("\"#/components/schemas/Line\"");
  }
}
