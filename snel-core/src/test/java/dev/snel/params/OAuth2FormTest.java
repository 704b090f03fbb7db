package dev.snel.params;

import static dev.snel.params.Expected.detail;
import static dev.snel.params.Expected.error;
import static dev.snel.params.Expected.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Depends;
import dev.snel.HttpException;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.security.OAuth2PasswordRequestForm;
import dev.snel.security.OAuth2PasswordRequestFormStrict;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OAuth2PasswordRequestForm and its strict variant taken as class dependencies, answering FastAPI
 * 0.141's {@code POST /token} byte for byte: the 422 bodies, the pattern on grant_type, the scopes
 * and the OpenAPI request body.
 */
class OAuth2FormTest {

  public record Token(String access_token, String token_type) {}

  /** Refuses every request, as a security dependency without credentials does. */
  public static class Guard {
    public String check() {
      throw new HttpException(401, "Not authenticated");
    }
  }

  public static class Routes {
    @Post("/token")
    public Token login(@Depends OAuth2PasswordRequestForm formData) {
      return new Token("geheim-token-123", "bearer");
    }

    @Post("/strict")
    public Map<String, Object> strict(@Depends OAuth2PasswordRequestFormStrict form) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("grant_type", form.grantType());
      out.put("scopes", form.scopes());
      return out;
    }

    @Post("/guarded")
    public Token guarded(
        @Depends(Guard.class) String user, @Depends OAuth2PasswordRequestForm form) {
      return new Token("never", "bearer");
    }

    @Post("/echo")
    public Map<String, Object> echo(@Depends OAuth2PasswordRequestForm form) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("grant_type", form.grantType().orElse(null));
      out.put("username", form.username());
      out.put("password", form.password());
      out.put("scopes", form.scopes());
      out.put("client_id", form.clientId().orElse(null));
      out.put("client_secret", form.clientSecret().orElse(null));
      return out;
    }
  }

  private static final Snel app = Snel.create().include(new Routes());
  private static final TestClient client = TestClient.of(app);

  private static TestResponse form(String target, String body) {
    return client
        .request("POST", target)
        .body(body.getBytes(StandardCharsets.UTF_8), FormsTest.FORM)
        .send();
  }

  @Test
  void an_empty_body_answers_fastapis_174_bytes() {
    TestResponse response = client.request("POST", "/token").send();

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"username\"],\"msg\":\"Field"
                + " required\",\"input\":null},{\"type\":\"missing\",\"loc\":[\"body\",\"password\"],"
                + "\"msg\":\"Field required\",\"input\":null}]}");
    assertThat(response.body()).hasSize(174);
    assertThat(form("/token", "").text()).isEqualTo(response.text());
  }

  @Test
  void a_username_alone_misses_the_password() {
    TestResponse response = form("/token", "username=johndoe");

    assertThat(response.text())
        .isEqualTo(
            "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"password\"],\"msg\":\"Field"
                + " required\",\"input\":null}]}");
    assertThat(response.body()).hasSize(93);
  }

  @Test
  void a_username_and_password_log_in() {
    TestResponse response = form("/token", "username=a&password=b");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.text())
        .isEqualTo("{\"access_token\":\"geheim-token-123\",\"token_type\":\"bearer\"}");
  }

  @Test
  void the_same_fields_as_json_are_an_empty_form() {
    TestResponse response = client.post("/token", Map.of("username", "a", "password", "b"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body()).hasSize(174);
  }

  @Test
  void every_field_is_read_and_the_scopes_are_split_on_whitespace() {
    TestResponse response =
        form(
            "/echo",
            "grant_type=password&username=u&password=p&scope=++a+b%09c++&client_id=id"
                + "&client_secret=s");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"grant_type":"password","username":"u","password":"p","scopes":["a","b","c"],
                 "client_id":"id","client_secret":"s"}"""));
  }

  @Test
  void optional_fields_left_out_or_empty_are_absent() {
    TestResponse response = form("/echo", "grant_type=&username=u&password=p&client_id=");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"grant_type":null,"username":"u","password":"p","scopes":[],
                 "client_id":null,"client_secret":null}"""));
  }

  @Test
  void a_grant_type_other_than_password_breaks_the_pattern() {
    TestResponse response = form("/token", "grant_type=Password&username=u&password=p");

    assertThat(response.json())
        .isEqualTo(
            detail(
                error(
                    "string_pattern_mismatch",
                    List.of("body", "grant_type"),
                    "String should match pattern '^password$'",
                    "Password",
                    Map.of("pattern", "^password$"))));
  }

  @Test
  void the_strict_form_requires_the_grant_type() {
    String missing = error("missing", List.of("body", "grant_type"), "Field required", null);

    assertThat(form("/strict", "username=u&password=p").json()).isEqualTo(detail(missing));
    assertThat(form("/strict", "grant_type=&username=u&password=p").json())
        .isEqualTo(detail(missing));
    assertThat(form("/strict", "grant_type=password&username=u&password=p&scope=me").json())
        .isEqualTo(json("{\"grant_type\":\"password\",\"scopes\":[\"me\"]}"));
  }

  @Test
  void the_form_is_read_before_any_dependency_runs() {
    TestResponse response = form("/guarded", "a=1&".repeat(1001));

    assertThat(response.status()).isEqualTo(400);
    assertThat(form("/guarded", "username=u&password=p").status()).isEqualTo(401);
  }

  private static final JsonNode DOCUMENT = json(app.openApiJson());

  @Test
  void the_token_request_body_is_fastapis() {
    JsonNode token = DOCUMENT.get("paths").get("/token").get("post");

    assertThat(token.get("requestBody").toString())
        .isEqualTo(
            """
            {"content":{"application/x-www-form-urlencoded":{"schema":{"$ref":"#/components/schemas/Body_login_token_post"}}},"required":true}""");
    assertThat(DOCUMENT.get("components").get("schemas").get("Body_login_token_post").toString())
        .isEqualTo(
            """
            {"properties":{"grant_type":{"anyOf":[{"type":"string","pattern":"^password$"},{"type":"null"}],"title":"Grant Type"},"username":{"type":"string","title":"Username"},"password":{"type":"string","format":"password","title":"Password"},"scope":{"type":"string","title":"Scope","default":""},"client_id":{"anyOf":[{"type":"string"},{"type":"null"}],"title":"Client Id"},"client_secret":{"anyOf":[{"type":"string"},{"type":"null"}],"format":"password","title":"Client Secret"}},"type":"object","required":["username","password"],"title":"Body_login_token_post"}""");
  }

  @Test
  void the_strict_forms_body_marks_no_password_format() {
    assertThat(DOCUMENT.get("components").get("schemas").get("Body_strict_strict_post").toString())
        .isEqualTo(
            """
            {"properties":{"grant_type":{"type":"string","pattern":"^password$","title":"Grant Type"},"username":{"type":"string","title":"Username"},"password":{"type":"string","title":"Password"},"scope":{"type":"string","title":"Scope","default":""},"client_id":{"anyOf":[{"type":"string"},{"type":"null"}],"title":"Client Id"},"client_secret":{"anyOf":[{"type":"string"},{"type":"null"}],"title":"Client Secret"}},"type":"object","required":["grant_type","username","password"],"title":"Body_strict_strict_post"}""");
  }
}
