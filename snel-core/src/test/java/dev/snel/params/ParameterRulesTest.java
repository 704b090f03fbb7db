package dev.snel.params;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Cookie;
import dev.snel.Default;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.Post;
import dev.snel.Query;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * FastAPI's parameter rules, read from a method signature: a name in the path template is a path
 * parameter, a scalar or a list of scalars is a query parameter, a record is the JSON body, the
 * request and the response are injected, and annotations override the source.
 */
class ParameterRulesTest {

  public record ItemOut(int item_id, String q) {}

  public record Item(String name, double price) {}

  public static class Routes {
    @Get("/items/{item_id}")
    public ItemOut readItem(int item_id, Optional<String> q) {
      return new ItemOut(item_id, q.orElse(null));
    }

    @Post("/items")
    public Item createItem(Item item) {
      return item;
    }

    @Get("/pages")
    public Map<String, Object> pages(Optional<Integer> page) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("present", page.isPresent());
      out.put("page", page.orElse(null));
      return out;
    }

    @Get("/ids")
    public List<Integer> ids(List<Integer> id) {
      return id;
    }

    @Get("/tags")
    public Set<String> tags(Set<String> tag) {
      return tag;
    }

    @Get("/listing")
    public Map<String, Object> listing(
        @Default("10") int limit, @Default({"a", "b"}) List<String> tag) {
      return Map.of("limit", limit, "tag", tag);
    }

    @Get("/search")
    public String search(String q) {
      return q;
    }

    @Get("/aliased")
    public String aliased(@Query("item-query") String itemQuery) {
      return itemQuery;
    }

    @Get("/agent")
    public String agent(@Header String user_agent) {
      return user_agent;
    }

    @Get("/agent-camel")
    public String agentCamel(@Header String userAgent) {
      return userAgent;
    }

    @Get("/strange")
    public String strange(@Header(convertUnderscores = false) String strange_header) {
      return strange_header;
    }

    @Get("/tokens")
    public Map<String, Object> tokens(@Header Optional<List<String>> x_token) {
      return Map.of("X-Token values", x_token.orElse(List.of()));
    }

    @Get("/ads")
    public Map<String, String> ads(@Cookie String ads_id) {
      return Map.of("ads_id", ads_id);
    }

    @Get("/request/{name}")
    public Map<String, String> request(Request request, String name) {
      return Map.of(
          "method", request.method(),
          "path", request.path(),
          "name", name,
          "host", request.header("host").orElse(""));
    }

    @Get("/headers-and-object")
    public Map<String, String> headersAndObject(Response response) {
      response.header("x-cat-dog", "alone in the world");
      response.cookie("fakesession", "fake-cookie-session-value");
      response.status(201);
      return Map.of("message", "Hello World");
    }

    @Get("/checked/{item_id}")
    public String checked(int item_id, int size, @Header int x_count) {
      return "called";
    }

    @Get("/reversed/{item_id}")
    public String reversed(@Header int x_count, int size, int item_id) {
      return "called";
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @Test
  void takes_a_parameter_named_in_the_path_template_from_the_path() {
    TestResponse response = client.get("/items/5");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(TestClient.json("{\"item_id\": 5, \"q\": null}"));
  }

  @Test
  void takes_a_scalar_parameter_that_is_not_in_the_path_from_the_query() {
    TestResponse response = client.get("/items/5?q=somequery");

    assertThat(response.json())
        .isEqualTo(TestClient.json("{\"item_id\": 5, \"q\": \"somequery\"}"));
  }

  @Test
  void rejects_a_path_parameter_that_is_not_an_integer_with_422() {
    TestResponse response = client.get("/items/foo");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "int_parsing", "loc": ["path", "item_id"],
                  "msg": "Input should be a valid integer, unable to parse string as an integer",
                  "input": "foo"}]}
                """));
  }

  @Test
  void takes_a_record_parameter_from_the_json_body() {
    TestResponse response = client.post("/items", Map.of("name", "Foo", "price", 35.4));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(TestClient.json("{\"name\": \"Foo\", \"price\": 35.4}"));
  }

  @Test
  void gives_an_absent_optional_parameter_as_an_empty_optional() {
    assertThat(client.get("/pages").json())
        .isEqualTo(TestClient.json("{\"present\": false, \"page\": null}"));
    assertThat(client.get("/pages?page=3").json())
        .isEqualTo(TestClient.json("{\"present\": true, \"page\": 3}"));
  }

  @Test
  void still_validates_an_optional_parameter_that_is_present() {
    TestResponse response = client.get("/pages?page=three");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "int_parsing", "loc": ["query", "page"],
                  "msg": "Input should be a valid integer, unable to parse string as an integer",
                  "input": "three"}]}
                """));
  }

  @Test
  void reads_every_value_of_a_repeated_query_parameter_into_a_list() {
    TestResponse response = client.get("/ids?id=1&id=2&id=2");

    assertThat(response.json()).isEqualTo(TestClient.json("[1, 2, 2]"));
  }

  @Test
  void reads_a_repeated_query_parameter_into_a_set_without_duplicates() {
    TestResponse response = client.get("/tags?tag=b&tag=a&tag=b");

    assertThat(response.json()).isEqualTo(TestClient.json("[\"b\", \"a\"]"));
  }

  @Test
  void names_the_index_of_a_bad_list_item_in_the_error_location() {
    TestResponse response = client.get("/ids?id=1&id=x");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "int_parsing", "loc": ["query", "id", 1],
                  "msg": "Input should be a valid integer, unable to parse string as an integer",
                  "input": "x"}]}
                """));
  }

  @Test
  void reports_every_bad_item_of_a_list() {
    TestResponse response = client.get("/ids?id=x&id=2&id=y");

    String msg = "Input should be a valid integer, unable to parse string as an integer";
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error("int_parsing", List.of("query", "id", 0), msg, "x"),
                Expected.error("int_parsing", List.of("query", "id", 2), msg, "y")));
  }

  @Test
  void requires_a_list_parameter_without_a_default() {
    TestResponse response = client.get("/ids");

    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "missing", "loc": ["query", "id"], "msg": "Field required", "input": null}]}
                """));
  }

  @Test
  void uses_the_defaults_when_the_query_does_not_carry_the_parameters() {
    assertThat(client.get("/listing").json())
        .isEqualTo(TestClient.json("{\"limit\": 10, \"tag\": [\"a\", \"b\"]}"));
  }

  @Test
  void uses_the_values_of_the_query_over_the_defaults() {
    assertThat(client.get("/listing?limit=3&tag=x").json())
        .isEqualTo(TestClient.json("{\"limit\": 3, \"tag\": [\"x\"]}"));
  }

  @Test
  void requires_a_parameter_without_a_default() {
    TestResponse response = client.get("/search");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "missing", "loc": ["query", "q"], "msg": "Field required", "input": null}]}
                """));
  }

  @Test
  void keeps_an_empty_query_value_as_an_empty_string() {
    TestResponse response = client.get("/search?q=");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Expected.string(""));
  }

  @Test
  void reads_a_query_parameter_by_its_alias() {
    assertThat(client.get("/aliased?item-query=foo").json()).isEqualTo(Expected.string("foo"));
  }

  @Test
  void names_the_alias_in_the_error_location_and_ignores_the_java_name() {
    TestResponse response = client.get("/aliased?itemQuery=foo");

    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "missing", "loc": ["query", "item-query"], "msg": "Field required", "input": null}]}
                """));
  }

  @Test
  void reads_a_header_parameter_with_underscores_from_the_hyphenated_header() {
    TestResponse response =
        client.request("GET", "/agent").header("User-Agent", "snel-test").send();

    assertThat(response.json()).isEqualTo(Expected.string("snel-test"));
  }

  @Test
  void reads_a_camel_case_header_parameter_from_the_hyphenated_header() {
    TestResponse response =
        client.request("GET", "/agent-camel").header("user-agent", "snel-test").send();

    assertThat(response.json()).isEqualTo(Expected.string("snel-test"));
  }

  @Test
  void names_the_hyphenated_header_in_the_error_location() {
    TestResponse response = client.get("/agent");

    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "missing", "loc": ["header", "user-agent"], "msg": "Field required", "input": null}]}
                """));
  }

  @Test
  void reads_the_header_of_the_java_name_when_underscores_are_not_converted() {
    TestResponse response =
        client.request("GET", "/strange").header("strange_header", "yes").send();

    assertThat(response.json()).isEqualTo(Expected.string("yes"));
  }

  @Test
  void ignores_the_hyphenated_header_when_underscores_are_not_converted() {
    TestResponse response =
        client.request("GET", "/strange").header("strange-header", "yes").send();

    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "missing", "loc": ["header", "strange_header"], "msg": "Field required", "input": null}]}
                """));
  }

  @Test
  void reads_every_value_of_a_repeated_header_into_a_list() {
    TestResponse response =
        client.request("GET", "/tokens").header("X-Token", "foo").header("x-token", "bar").send();

    assertThat(response.json())
        .isEqualTo(TestClient.json("{\"X-Token values\": [\"foo\", \"bar\"]}"));
  }

  @Test
  void gives_an_empty_list_for_an_absent_optional_list_header() {
    assertThat(client.get("/tokens").json()).isEqualTo(TestClient.json("{\"X-Token values\": []}"));
  }

  @Test
  void reads_a_cookie_parameter_from_the_cookie_header() {
    TestResponse response =
        client.request("GET", "/ads").header("cookie", "other=1; ads_id=abc123").send();

    assertThat(response.json()).isEqualTo(TestClient.json("{\"ads_id\": \"abc123\"}"));
  }

  @Test
  void requires_a_cookie_parameter_without_a_default() {
    TestResponse response = client.request("GET", "/ads").header("cookie", "other=1").send();

    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "missing", "loc": ["cookie", "ads_id"], "msg": "Field required", "input": null}]}
                """));
  }

  @Test
  void injects_the_request_next_to_other_parameters() {
    TestResponse response = client.get("/request/snel%20core");

    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"method": "GET", "path": "/request/snel core", "name": "snel core", "host": "testserver"}
                """));
  }

  @Test
  void applies_an_injected_responses_status_headers_and_cookies_to_the_json_response() {
    TestResponse response = client.get("/headers-and-object");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("x-cat-dog")).contains("alone in the world");
    assertThat(response.headers("set-cookie"))
        .containsExactly("fakesession=fake-cookie-session-value; Path=/; SameSite=lax");
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.json()).isEqualTo(TestClient.json("{\"message\": \"Hello World\"}"));
  }

  @Test
  void collects_the_errors_of_path_query_and_header_in_one_422() {
    TestResponse response = client.get("/checked/foo?size=big");

    String msg = "Input should be a valid integer, unable to parse string as an integer";
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error("int_parsing", List.of("path", "item_id"), msg, "foo"),
                Expected.error("int_parsing", List.of("query", "size"), msg, "big"),
                Expected.error("missing", List.of("header", "x-count"), "Field required", null)));
  }

  @Test
  void lists_errors_by_source_path_query_header_like_fastapi_whatever_the_signature_order() {
    TestResponse response =
        client.request("GET", "/reversed/foo?size=big").header("x-count", "many").send();

    String msg = "Input should be a valid integer, unable to parse string as an integer";
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error("int_parsing", List.of("path", "item_id"), msg, "foo"),
                Expected.error("int_parsing", List.of("query", "size"), msg, "big"),
                Expected.error("int_parsing", List.of("header", "x-count"), msg, "many")));
  }
}
