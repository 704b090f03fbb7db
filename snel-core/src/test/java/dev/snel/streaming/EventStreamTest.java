package dev.snel.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.Depends;
import dev.snel.EventStream;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.Post;
import dev.snel.ResponseModel;
import dev.snel.Scope;
import dev.snel.ServerSentEvent;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Server-Sent Events through the in-process client: the framing, the fields, the headers. */
class EventStreamTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  public record Item(String name, Optional<String> description) {}

  public record Account(String name, String password) {}

  public static final class Session {
    public static String open(Scope scope) {
      LOG.add("session open");
      scope.defer(failure -> LOG.add("session closed"));
      return "session";
    }
  }

  public static final class Routes {
    @Get("/items/stream")
    public EventStream<Item> items() {
      return EventStream.of(
          Stream.of(
              new Item("Plumbus", Optional.of("A multi-purpose household device.")),
              new Item("Portal Gun", Optional.empty())));
    }

    @Post("/items/stream-post")
    public EventStream<Item> post() {
      return items();
    }

    @Get("/accounts")
    @ResponseModel(exclude = "password")
    public EventStream<Account> accounts() {
      return EventStream.of(Stream.of(new Account("ada", "secret")));
    }

    @Get("/events")
    public EventStream<ServerSentEvent> events() {
      return EventStream.of(
          Stream.of(
              ServerSentEvent.of("hello").event("greeting").id("1"),
              ServerSentEvent.of(Map.of("key", "value")).event("json-data").id("2"),
              ServerSentEvent.empty().comment("just a comment"),
              ServerSentEvent.of("retry-test").retry(Duration.ofSeconds(5)),
              ServerSentEvent.raw("line one\nline two\r\nline three"),
              ServerSentEvent.of(new Item("Plumbus", Optional.empty())).event("item"),
              ServerSentEvent.raw("[DONE]")));
    }

    @Get("/mixed")
    public EventStream<Item> mixed(@Depends(Session.class) String session) {
      return EventStream.<Item>generate(
              sink -> {
                LOG.add("producing with " + session);
                sink.send(new Item("Plumbus", Optional.empty()));
                sink.sendEvent(ServerSentEvent.of(Map.of()).event("done"));
              })
          .onClose(() -> LOG.add("stream closed"));
    }

    @Get("/resume")
    public EventStream<Integer> resume(@Header Optional<String> lastEventId) {
      int from = lastEventId.map(Integer::parseInt).map(id -> id + 1).orElse(0);
      return EventStream.generate(
          sink -> {
            for (int i = from; i < 3; i++) {
              sink.sendEvent(ServerSentEvent.of(i).id(Integer.toString(i)));
            }
          });
    }

    @Get("/slow")
    public EventStream<Map<String, Integer>> slow() {
      return EventStream.<Map<String, Integer>>generate(
              sink -> {
                sink.send(Map.of("n", 1));
                Thread.sleep(300); // many ping intervals: the stream is idle meanwhile
                sink.send(Map.of("n", 2));
              })
          .pingEvery(Duration.ofMillis(20));
    }

    @Get("/untyped")
    public Object untyped() {
      return EventStream.of(Stream.of(Map.of("msg", "hello"), List.of(1, 2)));
    }

    @Get("/broken")
    public EventStream<Item> broken() {
      return EventStream.generate(
          sink -> {
            sink.send(new Item("Plumbus", Optional.empty()));
            throw new IllegalStateException("the model failed");
          });
    }
  }

  private final Snel app = Snel.create().include(new Routes());

  @BeforeEach
  void clear() {
    LOG.clear();
  }

  @Test
  void eachItemIsAnEventWhoseDataIsTheItemAsJson() {
    try (TestClient client = TestClient.of(app)) {
      TestResponse response = client.get("/items/stream");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("content-type")).contains("text/event-stream; charset=utf-8");
      assertThat(response.header("cache-control")).contains("no-cache");
      assertThat(response.header("x-accel-buffering")).contains("no");
      assertThat(response.headers().contains("content-length")).isFalse();
      assertThat(response.text())
          .isEqualTo(
              "data: {\"name\":\"Plumbus\",\"description\":\"A multi-purpose household device.\"}\n"
                  + "\n"
                  + "data: {\"name\":\"Portal Gun\",\"description\":null}\n"
                  + "\n");
    }
  }

  @Test
  void anEventStreamWorksWithPostToo() {
    try (TestClient client = TestClient.of(app)) {
      TestResponse response = client.post("/items/stream-post", Map.of());

      assertThat(response.header("content-type")).contains("text/event-stream; charset=utf-8");
      assertThat(response.text()).contains("data: {\"name\":\"Plumbus\"");
    }
  }

  @Test
  void itemsAreFilteredByTheRoutesResponseModelOptions() {
    try (TestClient client = TestClient.of(app)) {
      assertThat(client.get("/accounts").text()).isEqualTo("data: {\"name\":\"ada\"}\n\n");
    }
  }

  @Test
  void aServerSentEventSetsItsFieldsAndItsDataIsJsonUnlessRaw() {
    try (TestClient client = TestClient.of(app)) {
      assertThat(client.get("/events").text())
          .isEqualTo(
              """
              event: greeting
              data: "hello"
              id: 1

              event: json-data
              data: {"key":"value"}
              id: 2

              : just a comment

              data: "retry-test"
              retry: 5000

              data: line one
              data: line two
              data: line three

              event: item
              data: {"name":"Plumbus","description":null}

              data: [DONE]

              """);
    }
  }

  @Test
  void theProducerUsesTheRequestsDependenciesThenTheStreamClosesThenTheirCleanupRuns() {
    try (TestClient client = TestClient.of(app)) {
      assertThat(client.get("/mixed").text())
          .isEqualTo(
              "data: {\"name\":\"Plumbus\",\"description\":null}\n\nevent: done\ndata: {}\n\n");
      assertThat(LOG)
          .containsExactly(
              "session open", "producing with session", "stream closed", "session closed");
    }
  }

  @Test
  void aHeadRequestRunsNoProducerButClosesTheStreamAndEndsTheScope() {
    try (TestClient client = TestClient.of(app)) {
      TestResponse response = client.head("/mixed");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.text()).isEmpty();
      assertThat(LOG).containsExactly("session open", "stream closed", "session closed");
    }
  }

  @Test
  void theLastEventIdAReconnectingBrowserSendsIsAHeaderParameter() {
    try (TestClient client = TestClient.of(app)) {
      assertThat(client.get("/resume").text())
          .isEqualTo("data: 0\nid: 0\n\ndata: 1\nid: 1\n\ndata: 2\nid: 2\n\n");
      assertThat(client.request("GET", "/resume").header("Last-Event-ID", "1").send().text())
          .isEqualTo("data: 2\nid: 2\n\n");
    }
  }

  @Test
  void anIdleStreamSendsPingCommentsBetweenEvents() {
    try (TestClient client = TestClient.of(app)) {
      String text = client.get("/slow").text();

      assertThat(text).contains("data: {\"n\":1}\n\n: ping\n\n").endsWith("data: {\"n\":2}\n\n");
      assertThat(text.replace(": ping\n\n", ""))
          .isEqualTo("data: {\"n\":1}\n\ndata: {\"n\":2}\n\n");
    }
  }

  @Test
  void aStreamThatKeepsSendingSendsNoPing() {
    try (TestClient client = TestClient.of(app)) {
      assertThat(client.get("/items/stream").text()).doesNotContain(": ping");
    }
  }

  @Test
  void aRouteThatDeclaresNoStreamStillStreamsFreeFormItems() {
    try (TestClient client = TestClient.of(app)) {
      TestResponse response = client.get("/untyped");

      assertThat(response.header("content-type")).contains("text/event-stream; charset=utf-8");
      assertThat(response.text()).isEqualTo("data: {\"msg\":\"hello\"}\n\ndata: [1,2]\n\n");
    }
  }

  @Test
  void aProducerThatFailsAfterTheFirstEventFailsTheBody() {
    try (TestClient client = TestClient.of(app)) {
      assertThatThrownBy(() -> client.get("/broken")).hasMessageContaining("the model failed");
    }
  }

  @Test
  void aNameOrIdWithALineBreakANulInAnIdOrANegativeRetryIsRefused() {
    ServerSentEvent event = ServerSentEvent.of("x");
    assertThatThrownBy(() -> event.event("a\nb")).hasMessage("an SSE event must be a single line");
    assertThatThrownBy(() -> event.id("a\rb")).hasMessage("an SSE id must be a single line");
    assertThatThrownBy(() -> event.id("a\0b"))
        .hasMessage("an SSE id must not contain NUL characters");
    assertThatThrownBy(() -> event.retry(Duration.ofMillis(-1)))
        .hasMessage("an SSE retry time must not be negative");
  }
}
