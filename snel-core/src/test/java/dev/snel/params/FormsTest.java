package dev.snel.params;

import static dev.snel.params.Expected.detail;
import static dev.snel.params.Expected.error;
import static dev.snel.params.Expected.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.Body;
import dev.snel.Default;
import dev.snel.Form;
import dev.snel.Model;
import dev.snel.Post;
import dev.snel.RouteDefinitionException;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Form parameters and form models, as FastAPI 0.141 reads them: any content type is read as a form
 * (a JSON body is an empty one), an empty field is a missing plain field but a value in a form
 * model, the last of repeated values wins, and errors are located in the body.
 */
class FormsTest {
  static final String FORM = "application/x-www-form-urlencoded";

  public record Account(String username, @Default("0") int age, @Default({}) List<String> tags) {}

  @Model(extra = Model.Extra.FORBID)
  public record Login(String username) {}

  public record Item(String name) {}

  public static class Routes {
    @Post("/login")
    public Map<String, String> login(@Form String username, @Form String password) {
      return Map.of("username", username, "password", password);
    }

    @Post("/optional")
    public Map<String, Object> optional(
        @Form Optional<Integer> n, @Form @Default("dflt") String s) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("n", n.orElse(null));
      out.put("s", s);
      return out;
    }

    @Post("/tags")
    public List<String> tags(@Form List<String> tags) {
      return tags;
    }

    @Post("/number")
    public int number(@Form("n") int number) {
      return number;
    }

    @Post("/accounts")
    public Account account(@Form Account account) {
      return account;
    }

    @Post("/forbidding")
    public Login forbidding(@Form Login login) {
      return login;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  private static TestResponse post(String target, String body, String contentType) {
    return client
        .request("POST", target)
        .body(body.getBytes(StandardCharsets.UTF_8), contentType)
        .send();
  }

  private static TestResponse form(String target, String body) {
    return post(target, body, FORM);
  }

  private static String missing(String name) {
    return error("missing", List.of("body", name), "Field required", null);
  }

  @Test
  void reads_form_fields() {
    TestResponse response = form("/login", "username=johndoe&password=se%20cr+et");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(json("{\"username\":\"johndoe\",\"password\":\"se cr et\"}"));
  }

  @Test
  void an_empty_body_misses_every_required_field_with_a_null_input() {
    TestResponse response = client.request("POST", "/login").send();

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"username\"],\"msg\":\"Field"
                + " required\",\"input\":null},{\"type\":\"missing\",\"loc\":[\"body\",\"password\"],"
                + "\"msg\":\"Field required\",\"input\":null}]}");
  }

  @Test
  void a_missing_field_is_reported_alone() {
    TestResponse response = form("/login", "username=johndoe");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json()).isEqualTo(detail(missing("password")));
  }

  @Test
  void an_empty_plain_field_is_missing() {
    TestResponse response = form("/login", "username=&password=x");

    assertThat(response.json()).isEqualTo(detail(missing("username")));
  }

  @Test
  void the_last_of_repeated_values_wins() {
    TestResponse response = form("/login", "username=a&username=b&password=x");

    assertThat(response.json().get("username").asString()).isEqualTo("b");
  }

  @Test
  void a_json_body_is_an_empty_form() {
    TestResponse response =
        post("/login", "{\"username\":\"a\",\"password\":\"b\"}", "application/json");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json()).isEqualTo(detail(missing("username"), missing("password")));
  }

  @Test
  void the_content_type_is_matched_without_case_and_parameters() {
    TestResponse response =
        post("/login", "username=a&password=b", "Application/X-WWW-Form-URLEncoded; charset=utf-8");

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void an_empty_optional_field_takes_its_default() {
    TestResponse response = form("/optional", "n=&s=");

    assertThat(response.json()).isEqualTo(json("{\"n\":null,\"s\":\"dflt\"}"));
    assertThat(form("/optional", "n=5&s=x").json()).isEqualTo(json("{\"n\":5,\"s\":\"x\"}"));
  }

  @Test
  void a_list_takes_every_value_empty_ones_included() {
    TestResponse response = form("/tags", "tags=x&tags=y&tags=");

    assertThat(response.json()).isEqualTo(json("[\"x\",\"y\",\"\"]"));
    assertThat(form("/tags", "").json()).isEqualTo(detail(missing("tags")));
  }

  @Test
  void a_value_that_does_not_convert_is_located_at_the_alias() {
    TestResponse response = form("/number", "n=abc");

    assertThat(response.json())
        .isEqualTo(
            detail(
                error(
                    "int_parsing",
                    List.of("body", "n"),
                    "Input should be a valid integer, unable to parse string as an integer",
                    "abc")));
  }

  @Test
  void a_form_model_keeps_an_empty_value() {
    TestResponse response = form("/accounts", "username=&tags=a&tags=b");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(json("{\"username\":\"\",\"age\":0,\"tags\":[\"a\",\"b\"]}"));
  }

  @Test
  void a_form_models_empty_number_does_not_parse() {
    TestResponse response = form("/accounts", "username=u&age=");

    assertThat(response.json())
        .isEqualTo(
            detail(
                error(
                    "int_parsing",
                    List.of("body", "age"),
                    "Input should be a valid integer, unable to parse string as an integer",
                    "")));
  }

  @Test
  void a_form_models_missing_field_shows_the_defaults_filled_in() {
    TestResponse response = form("/accounts", "");

    assertThat(response.json())
        .isEqualTo(
            detail(
                error(
                    "missing",
                    List.of("body", "username"),
                    "Field required",
                    Map.of("age", 0, "tags", List.of()))));
  }

  @Test
  void a_form_model_forbidding_extras_refuses_each_other_field() {
    assertThat(form("/forbidding", "username=u&extra=1").json())
        .isEqualTo(
            detail(
                error(
                    "extra_forbidden",
                    List.of("body", "extra"),
                    "Extra inputs are not permitted",
                    "1")));
    assertThat(form("/forbidding", "username=u&extra=1&extra=2").json())
        .isEqualTo(
            detail(
                error(
                    "extra_forbidden",
                    List.of("body", "extra"),
                    "Extra inputs are not permitted",
                    List.of("1", "2"))));
    assertThat(form("/forbidding", "username=u").status()).isEqualTo(200);
  }

  @Test
  void more_than_a_thousand_fields_is_starlettes_400() {
    String body = "a=1&".repeat(1001);

    TestResponse response = form("/login", body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json())
        .isEqualTo(json("{\"detail\":\"Too many fields. Maximum number of fields is 1000.\"}"));
  }

  @Test
  void a_field_over_a_megabyte_is_starlettes_400() {
    TestResponse response = form("/login", "username=" + "a".repeat(1024 * 1024));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json())
        .isEqualTo(json("{\"detail\":\"Field exceeded maximum size of 1024KB.\"}"));
  }

  @Test
  void a_large_body_of_fields_without_values_is_read() {
    // every field lacks '=': a search for it past the field's end would read the body again per
    // field
    TestResponse response = form("/login", "x&".repeat(998) + "username=a&password=b");

    assertThat(response.status()).isEqualTo(200);
  }

  private static final JsonNode DOCUMENT = json(Snel.create().include(new Routes()).openApiJson());

  private static JsonNode operation(String path) {
    return DOCUMENT.get("paths").get(path).get("post");
  }

  private static JsonNode component(String name) {
    return DOCUMENT.get("components").get("schemas").get(name);
  }

  @Test
  void form_fields_are_documented_as_a_urlencoded_body_component() {
    assertThat(operation("/login").get("requestBody"))
        .isEqualTo(
            json(
                """
                {"content":{"application/x-www-form-urlencoded":{"schema":{"$ref":"#/components/schemas/Body_login_login_post"}}},"required":true}"""));
    assertThat(component("Body_login_login_post"))
        .isEqualTo(
            json(
                """
                {"properties":{"username":{"type":"string","title":"Username"},"password":{"type":"string","title":"Password"}},"type":"object","required":["username","password"],"title":"Body_login_login_post"}"""));
    assertThat(operation("/login").get("responses").has("422")).isTrue();
  }

  @Test
  void optional_and_list_fields_are_documented_like_fastapis() {
    assertThat(component("Body_optional_optional_post"))
        .isEqualTo(
            json(
                """
                {"properties":{"n":{"anyOf":[{"type":"integer"},{"type":"null"}],"title":"N"},"s":{"type":"string","title":"S","default":"dflt"}},"type":"object","title":"Body_optional_optional_post"}"""));
    assertThat(operation("/optional").get("requestBody").has("required")).isFalse();
    assertThat(component("Body_tags_tags_post").get("properties").get("tags"))
        .isEqualTo(json("{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"title\":\"Tags\"}"));
  }

  @Test
  void a_form_model_is_its_own_component() {
    assertThat(operation("/accounts").get("requestBody"))
        .isEqualTo(
            json(
                """
                {"content":{"application/x-www-form-urlencoded":{"schema":{"$ref":"#/components/schemas/Account"}}},"required":true}"""));
    assertThat(component("Login"))
        .isEqualTo(
            json(
                """
                {"properties":{"username":{"type":"string","title":"Username"}},"additionalProperties":false,"type":"object","required":["username"],"title":"Login"}"""));
  }

  public static class JsonAndForm {
    @Post("/mixed")
    public String mixed(@Form String name, @Body Item item) {
      return name;
    }
  }

  public static class ModelAndField {
    @Post("/mixed")
    public String mixed(@Form Login login, @Form String other) {
      return other;
    }
  }

  @Test
  void a_route_reading_a_json_body_and_a_form_fails_at_startup() {
    assertThatThrownBy(() -> Snel.create().include(new JsonAndForm()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("JsonAndForm.mixed")
        .hasMessageContaining("a request has one body");
  }

  @Test
  void a_form_model_with_other_form_fields_fails_at_startup() {
    assertThatThrownBy(() -> Snel.create().include(new ModelAndField()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("ModelAndField.mixed")
        .hasMessageContaining("form model");
  }
}
