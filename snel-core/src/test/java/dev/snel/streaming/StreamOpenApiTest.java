package dev.snel.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.EventStream;
import dev.snel.Get;
import dev.snel.JsonLines;
import dev.snel.ServerSentEvent;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OpenAPI describes a stream by its media type and its item schema, as FastAPI does. */
class StreamOpenApiTest {
  public record Item(String name) {}

  public static final class Routes {
    @Get("/items/sse")
    public EventStream<Item> sse() {
      return EventStream.of(Stream.<Item>empty());
    }

    @Get("/events")
    public EventStream<ServerSentEvent> events() {
      return EventStream.of(Stream.<ServerSentEvent>empty());
    }

    @Get("/items/lines")
    public JsonLines<Item> lines() {
      return JsonLines.of(Stream.<Item>empty());
    }

    @Get("/numbers")
    public JsonLines<Integer> numbers() {
      return JsonLines.of(Stream.<Integer>empty());
    }
  }

  private final JsonNode paths =
      TestClient.of(Snel.create().include(new Routes())).get("/openapi.json").json().get("paths");

  @Test
  void anEventStreamsItemSchemaHasTheEventFieldsWithTheItemAsJsonData() {
    assertThat(paths.get("/items/sse").get("get").get("responses"))
        .isEqualTo(
            TestClient.json(
                """
                {"200": {"description": "Successful Response", "content": {"text/event-stream": {
                  "itemSchema": {"type": "object", "properties": {
                    "data": {"type": "string", "contentMediaType": "application/json",
                             "contentSchema": {"$ref": "#/components/schemas/Item"}},
                    "event": {"type": "string"}, "id": {"type": "string"},
                    "retry": {"type": "integer", "minimum": 0}},
                  "required": ["data"]}}}}}
                """));
  }

  @Test
  void aStreamOfServerSentEventsHasNoDataSchema() {
    assertThat(
            paths
                .at("/~1events/get/responses/200/content/text~1event-stream/itemSchema")
                .toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{\"data\":{\"type\":\"string\"},"
                + "\"event\":{\"type\":\"string\"},\"id\":{\"type\":\"string\"},"
                + "\"retry\":{\"type\":\"integer\",\"minimum\":0}}}");
  }

  @Test
  void aJsonLinesStreamsItemSchemaIsTheItemsSchema() {
    assertThat(paths.get("/items/lines").get("get").get("responses"))
        .isEqualTo(
            TestClient.json(
                """
                {"200": {"description": "Successful Response", "content": {"application/x-ndjson": {
                  "itemSchema": {"$ref": "#/components/schemas/Item"}}}}}
                """));
    assertThat(paths.at("/~1numbers/get/responses/200/content/application~1x-ndjson/itemSchema"))
        .isEqualTo(
            TestClient.json(
                "{\"type\": \"integer\", \"title\": \"Streamitem Numbers Numbers Get\"}"));
  }
}
