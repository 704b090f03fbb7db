package dev.snel.examples.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Json;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What docs/tutorial/dependencies.md shows of the example, request by request, with FastAPI's
 * answers to the same requests. Run in-process and over a real socket by the subclasses.
 */
abstract class DependenciesBehaviour {

  abstract TestClient client();

  abstract Snel app();

  abstract Database database();

  /** Asserts a 200 JSON answer with exactly this body. */
  private static void assertJson(TestResponse response, String body) {
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.text()).isEqualTo(body);
  }

  private static void assertDetail(TestResponse response, int status, String detail) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.text()).isEqualTo("{\"detail\":\"" + detail + "\"}");
  }

  private static String missing(String loc) {
    return "{\"type\":\"missing\",\"loc\":[" + loc + "],\"msg\":\"Field required\",\"input\":null}";
  }

  // First steps

  @Test
  void two_routes_share_the_query_parameters_of_one_dependency() {
    assertJson(client().get("/items/"), "{\"q\":null,\"skip\":0,\"limit\":100}");
    assertJson(
        client().get("/items/?q=foo&skip=5&limit=30"), "{\"q\":\"foo\",\"skip\":5,\"limit\":30}");
    assertJson(client().get("/users/?q=bar&limit=2"), "{\"q\":\"bar\",\"skip\":0,\"limit\":2}");
  }

  @Test
  void a_dependency_s_parameters_are_validated_like_the_handler_s() {
    TestResponse response = client().get("/items/?skip=x&limit=y");
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"skip\"],"
                + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"x\"},"
                + "{\"type\":\"int_parsing\",\"loc\":[\"query\",\"limit\"],"
                + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"y\"}]}");
  }

  // Classes as dependencies

  @Test
  void a_class_dependency_is_built_from_the_query() {
    assertJson(
        client().get("/class/items/"),
        "{\"items\":[{\"item_name\":\"Foo\"},{\"item_name\":\"Bar\"},{\"item_name\":\"Baz\"}]}");
    assertJson(
        client().get("/class/items/?q=foo&skip=1&limit=1"),
        "{\"q\":\"foo\",\"items\":[{\"item_name\":\"Bar\"}]}");
    assertJson(client().get("/class/items/?limit=1"), "{\"items\":[{\"item_name\":\"Foo\"}]}");
  }

  // Sub-dependencies

  @Test
  void a_sub_dependency_reads_the_query_and_its_user_falls_back_to_a_cookie() {
    assertJson(client().get("/query/?q=foo"), "{\"q_or_cookie\":\"foo\"}");
    assertJson(
        client().request("GET", "/query/").cookie("last_query", "bar").send(),
        "{\"q_or_cookie\":\"bar\"}");
    assertJson(
        client().request("GET", "/query/?q=foo").cookie("last_query", "bar").send(),
        "{\"q_or_cookie\":\"foo\"}");
    assertJson(client().get("/query/"), "{\"q_or_cookie\":null}");
  }

  // Dependencies of a route, a router, the app

  @Test
  void a_route_s_dependencies_check_both_headers() {
    assertJson(
        client()
            .request("GET", "/checked/items/")
            .header("X-Token", "fake-super-secret-token")
            .header("X-Key", "fake-super-secret-key")
            .send(),
        "[{\"item\":\"Foo\"},{\"item\":\"Bar\"}]");
    assertDetail(
        client()
            .request("GET", "/checked/items/")
            .header("X-Token", "invalid")
            .header("X-Key", "fake-super-secret-key")
            .send(),
        400,
        "X-Token header invalid");
    assertDetail(
        client()
            .request("GET", "/checked/items/")
            .header("X-Token", "fake-super-secret-token")
            .header("X-Key", "invalid")
            .send(),
        400,
        "X-Key header invalid");
  }

  @Test
  void reports_both_missing_headers_together() {
    TestResponse response = client().get("/checked/items/");
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.text())
        .isEqualTo(
            "{\"detail\":["
                + missing("\"header\",\"x-token\"")
                + ","
                + missing("\"header\",\"x-key\"")
                + "]}");
  }

  @Test
  void a_router_s_dependencies_guard_each_of_its_routes() {
    for (String path : List.of("/guarded/items/", "/guarded/users/")) {
      assertDetail(
          client()
              .request("GET", path)
              .header("X-Token", "invalid")
              .header("X-Key", "fake-super-secret-key")
              .send(),
          400,
          "X-Token header invalid");
    }
    assertJson(
        client()
            .request("GET", "/guarded/users/")
            .header("X-Token", "fake-super-secret-token")
            .header("X-Key", "fake-super-secret-key")
            .send(),
        "[{\"username\":\"Rick\"},{\"username\":\"Morty\"}]");
  }

  // Caching

  @Test
  void uses_of_one_dependency_share_its_value_unless_not_cached() {
    JsonNode numbers = client().get("/numbers/").json();
    long first = numbers.get("first").asLong();
    assertThat(numbers.get("again").asLong()).isEqualTo(first);
    assertThat(numbers.get("fresh").asLong()).isEqualTo(first + 1);
    JsonNode next = client().get("/numbers/?step=10").json();
    assertThat(next.get("first").asLong()).isEqualTo(first + 11);
    assertThat(next.get("again").asLong()).isEqualTo(first + 11);
    assertThat(next.get("fresh").asLong()).isEqualTo(first + 21);
  }

  // Cleanup

  /** The database's events from this index on. */
  private List<String> eventsSince(int from) {
    List<String> events = database().events();
    return events.subList(from, events.size());
  }

  @Test
  void a_session_opened_for_a_request_is_closed_after_it() {
    int from = database().events().size();
    TestResponse response = client().get("/notes/");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().toString()).contains("\"welcome\"");
    List<String> events = eventsSince(from);
    assertThat(events).hasSize(2);
    String session = events.get(0).replace(" opened", "");
    assertThat(events).containsExactly(session + " opened", session + " closed");
  }

  @Test
  void commits_after_the_handler_and_before_the_response_is_sent() {
    int from = database().events().size();
    assertJson(
        client().post("/notes/?note=alpha-" + from + "&note=beta-" + from, Map.of()),
        "{\"added\":[\"alpha-" + from + "\",\"beta-" + from + "\"]}");
    List<String> events = eventsSince(from);
    String session = events.get(0).replace(" opened", "");
    assertThat(events)
        .containsExactly(session + " opened", session + " committed", session + " closed");
    assertThat(client().get("/notes/").text()).contains("\"alpha-" + from + "\"");
  }

  @Test
  void rolls_back_when_the_handler_fails() {
    int from = database().events().size();
    assertDetail(
        client().post("/notes/?note=gamma-" + from + "&note=", Map.of()),
        400,
        "A note cannot be empty");
    List<String> events = eventsSince(from);
    String session = events.get(0).replace(" opened", "");
    assertThat(events)
        .containsExactly(session + " opened", session + " rolled back", session + " closed");
    assertThat(client().get("/notes/").text()).doesNotContain("gamma-" + from);
  }

  @Test
  void a_failed_commit_replaces_the_response_made_from_the_handler_s_result() {
    int from = database().events().size();
    assertDetail(
        client().post("/notes/?note=delta-" + from + "&note=welcome", Map.of()),
        409,
        "Note already exists: welcome");
    List<String> events = eventsSince(from);
    String session = events.get(0).replace(" opened", "");
    assertThat(events)
        .containsExactly(session + " opened", session + " failed to commit", session + " closed");
    assertThat(client().get("/notes/").text()).doesNotContain("delta-" + from);
  }

  @Test
  void the_database_is_an_app_singleton_a_handler_can_take() {
    List<String> events = client().get("/events/").json(List.class);
    assertThat(events).startsWith("session 1 opened", "session 1 committed", "session 1 closed");
  }

  // Overrides

  /** Replaces CommonParameters in a test: FastAPI's override_dependency. */
  public static final class OverrideCommons {
    /** Keeps {@code q}, fixes the rest. */
    public Map<String, Object> get(Optional<String> q) {
      return Json.object("q", q.orElse(null), "skip", 5, "limit", 10);
    }
  }

  @Test
  void an_override_replaces_a_dependency_while_it_is_open() {
    try (var override = app().override(Main.CommonParameters.class, new OverrideCommons())) {
      assertJson(client().get("/items/"), "{\"q\":null,\"skip\":5,\"limit\":10}");
      assertJson(client().get("/users/?q=Rick&skip=1"), "{\"q\":\"Rick\",\"skip\":5,\"limit\":10}");
    }
    assertJson(client().get("/items/"), "{\"q\":null,\"skip\":0,\"limit\":100}");
  }

  // OpenAPI: FastAPI's bytes (a path item with parameters keeps pydantic's key order)

  @Test
  void documents_the_dependencies_query_parameters_once_each() {
    JsonNode paths = client().get("/openapi.json").json().get("paths");
    assertThat(paths.get("/items/").get("get").get("parameters").toString())
        .isEqualTo(
            "[{\"name\":\"q\",\"in\":\"query\",\"required\":false,"
                + "\"schema\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}],\"title\":\"Q\"}},"
                + "{\"name\":\"skip\",\"in\":\"query\",\"required\":false,"
                + "\"schema\":{\"type\":\"integer\",\"title\":\"Skip\",\"default\":0}},"
                + "{\"name\":\"limit\",\"in\":\"query\",\"required\":false,"
                + "\"schema\":{\"type\":\"integer\",\"title\":\"Limit\",\"default\":100}}]");
    assertThat(paths.get("/numbers/").get("get").get("parameters").toString())
        .isEqualTo(
            "[{\"name\":\"step\",\"in\":\"query\",\"required\":false,"
                + "\"schema\":{\"type\":\"integer\",\"title\":\"Step\",\"default\":1}}]");
    assertThat(paths.get("/checked/items/").get("get").get("parameters").toString())
        .isEqualTo(
            "[{\"name\":\"x-token\",\"in\":\"header\",\"required\":true,"
                + "\"schema\":{\"type\":\"string\",\"title\":\"X-Token\"}},"
                + "{\"name\":\"x-key\",\"in\":\"header\",\"required\":true,"
                + "\"schema\":{\"type\":\"string\",\"title\":\"X-Key\"}}]");
    assertThat(paths.get("/query/").get("get").get("parameters").toString())
        .isEqualTo(
            "[{\"name\":\"q\",\"in\":\"query\",\"required\":false,"
                + "\"schema\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}],\"title\":\"Q\"}},"
                + "{\"name\":\"last_query\",\"in\":\"cookie\",\"required\":false,"
                + "\"schema\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}],\"title\":\"Last Query\"}}]");
    assertThat(paths.get("/notes/").get("get").has("parameters")).isFalse();
  }
}
