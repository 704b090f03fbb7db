package dev.snel.params;

import static dev.snel.params.Expected.detail;
import static dev.snel.params.Expected.error;
import static dev.snel.params.Expected.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.Cookie;
import dev.snel.Default;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.Model;
import dev.snel.Query;
import dev.snel.RouteDefinitionException;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Query, header and cookie parameter models (FastAPI 0.115+): a record read member by member from
 * its source, flattened into one OpenAPI parameter per member, refusing other names with
 * extra_forbidden when the model forbids extras, with FastAPI's header quirks.
 */
class ParameterModelsTest {

  @Model(extra = Model.Extra.FORBID)
  public record FilterParams(
      @Positive @Max(100) @Default("100") int limit,
      @Default("0") int offset,
      @Default({}) List<String> tags) {}

  public record Pair(String a, Optional<String> b) {}

  public record CommonHeaders(
      String host,
      boolean save_data,
      Optional<String> if_modified_since,
      @Default({}) List<String> x_tag) {}

  @Model(extra = Model.Extra.FORBID)
  public record OnlySaveData(boolean save_data) {}

  @Model(extra = Model.Extra.FORBID)
  public record Cookies(String session_id, Optional<String> tracker) {}

  public static class Routes {
    @Get("/items")
    public List<Object> items(@Query FilterParams filter) {
      return List.of(filter.limit(), filter.offset(), filter.tags());
    }

    @Get("/pair")
    public Pair pair(@Query Pair pair) {
      return pair;
    }

    @Get("/headers")
    public CommonHeaders headers(@Header CommonHeaders headers) {
      return headers;
    }

    @Get("/forbidding-headers")
    public OnlySaveData forbiddingHeaders(@Header OnlySaveData headers) {
      return headers;
    }

    @Get("/unconverted")
    public OnlySaveData unconverted(@Header(convertUnderscores = false) OnlySaveData headers) {
      return headers;
    }

    @Get("/cookies")
    public Cookies cookies(@Cookie Cookies cookies) {
      return cookies;
    }
  }

  private static final Snel app = Snel.create().include(new Routes());
  private static final TestClient client = TestClient.of(app);

  @Test
  void a_query_model_reads_each_member_and_its_defaults() {
    TestResponse response = client.get("/items?limit=5&tags=a&tags=b");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(json("[5,0,[\"a\",\"b\"]]"));
  }

  @Test
  void a_query_models_constraint_reports_the_string_received() {
    TestResponse response = client.get("/items?limit=500");

    assertThat(response.json())
        .isEqualTo(
            detail(
                error(
                    "less_than_equal",
                    List.of("query", "limit"),
                    "Input should be less than or equal to 100",
                    "500",
                    Map.of("le", 100))));
  }

  @Test
  void an_empty_query_value_is_kept_as_sent() {
    TestResponse response = client.get("/items?offset=");

    assertThat(response.json())
        .isEqualTo(
            detail(
                error(
                    "int_parsing",
                    List.of("query", "offset"),
                    "Input should be a valid integer, unable to parse string as an integer",
                    "")));
  }

  @Test
  void a_query_model_forbidding_extras_refuses_other_names_with_all_their_values() {
    TestResponse response = client.get("/items?tool=plumbus&tool=x");

    assertThat(response.text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"query\",\"tool\"],\"msg\":\"Extra"
                + " inputs are not permitted\",\"input\":[\"plumbus\",\"x\"]}]}");
  }

  @Test
  void a_missing_member_shows_the_whole_input() {
    assertThat(client.get("/pair").json())
        .isEqualTo(detail(error("missing", List.of("query", "a"), "Field required", Map.of())));
    assertThat(client.get("/pair?b=x").json())
        .isEqualTo(
            detail(error("missing", List.of("query", "a"), "Field required", Map.of("b", "x"))));
    assertThat(client.get("/pair?a=1&c=2").json()).isEqualTo(json("{\"a\":\"1\",\"b\":null}"));
  }

  @Test
  void a_header_model_reads_hyphenated_names() {
    TestResponse response =
        client
            .request("GET", "/headers")
            .header("save-data", "true")
            .header("x-tag", "a")
            .header("x-tag", "b")
            .send();

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"host":"testserver","save_data":true,"if_modified_since":null,"x_tag":["a","b"]}"""));
  }

  @Test
  void a_header_models_missing_member_is_located_at_its_field_name() {
    TestResponse response = client.get("/headers");

    assertThat(response.json())
        .isEqualTo(
            detail(
                error(
                    "missing",
                    List.of("header", "save_data"),
                    "Field required",
                    Map.of("host", "testserver", "x_tag", List.of()))));
  }

  @Test
  void a_header_model_forbidding_extras_refuses_every_other_header() {
    TestResponse response =
        client
            .request("GET", "/forbidding-headers")
            .header("save-data", "true")
            .header("user-agent", "test")
            .send();

    assertThat(response.json())
        .isEqualTo(
            detail(
                error(
                    "extra_forbidden",
                    List.of("header", "host"),
                    "Extra inputs are not permitted",
                    "testserver"),
                error(
                    "extra_forbidden",
                    List.of("header", "user-agent"),
                    "Extra inputs are not permitted",
                    "test")));
  }

  @Test
  void a_header_model_without_conversion_reads_the_underscored_name() {
    TestResponse response =
        client.request("GET", "/unconverted").header("host", "h").header("save_data", "yes").send();

    assertThat(response.json())
        .isEqualTo(
            detail(
                error(
                    "extra_forbidden",
                    List.of("header", "host"),
                    "Extra inputs are not permitted",
                    "h")));
  }

  @Test
  void a_cookie_model_refuses_other_cookies() {
    TestResponse response =
        client.request("GET", "/cookies").cookie("session_id", "s").cookie("extra", "e").send();

    assertThat(response.json())
        .isEqualTo(
            detail(
                error(
                    "extra_forbidden",
                    List.of("cookie", "extra"),
                    "Extra inputs are not permitted",
                    "e")));
    assertThat(client.request("GET", "/cookies").cookie("session_id", "s").send().json())
        .isEqualTo(json("{\"session_id\":\"s\",\"tracker\":null}"));
  }

  public static class ModelAndQuery {
    @Get("/mixed")
    public String mixed(@Query Pair pair, String q) {
      return q;
    }
  }

  @Test
  void a_query_model_beside_another_query_parameter_fails_at_startup() {
    assertThatThrownBy(() -> Snel.create().include(new ModelAndQuery()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("ModelAndQuery.mixed")
        .hasMessageContaining("parameter 'pair'")
        .hasMessageContaining("cannot share it with parameter 'q'");
  }

  private static final JsonNode DOCUMENT = json(app.openApiJson());

  private static JsonNode parameters(String path) {
    return DOCUMENT.get("paths").get(path).get("get").get("parameters");
  }

  @Test
  void a_query_model_is_flattened_into_its_members() {
    assertThat(parameters("/items"))
        .isEqualTo(
            json(
                """
                [{"name":"limit","in":"query","required":false,"schema":{"type":"integer","maximum":100,"exclusiveMinimum":0,"default":100,"title":"Limit"}},
                 {"name":"offset","in":"query","required":false,"schema":{"type":"integer","default":0,"title":"Offset"}},
                 {"name":"tags","in":"query","required":false,"schema":{"type":"array","items":{"type":"string"},"default":[],"title":"Tags"}}]"""));
    assertThat(DOCUMENT.get("components").get("schemas").has("FilterParams")).isFalse();
  }

  @Test
  void a_header_model_documents_hyphenated_names_with_field_titles() {
    assertThat(parameters("/headers"))
        .isEqualTo(
            json(
                """
                [{"name":"host","in":"header","required":true,"schema":{"type":"string","title":"Host"}},
                 {"name":"save-data","in":"header","required":true,"schema":{"type":"boolean","title":"Save Data"}},
                 {"name":"if-modified-since","in":"header","required":false,"schema":{"anyOf":[{"type":"string"},{"type":"null"}],"title":"If Modified Since"}},
                 {"name":"x-tag","in":"header","required":false,"schema":{"type":"array","items":{"type":"string"},"default":[],"title":"X Tag"}}]"""));
    assertThat(parameters("/unconverted").get(0).get("name").asString()).isEqualTo("save_data");
  }
}
