package dev.snel.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FastAPI's {@code swagger_ui_init_oauth}: Swagger UI's page calls {@code ui.initOAuth(...)} with
 * the settings in order (spec 8.2), and nothing of them reaches the document.
 */
class SwaggerUiOAuthTest {
  public static class Routes {
    @Get("/me")
    public String me(@OAuth2PasswordBearer(tokenUrl = "token") String token) {
      return token;
    }
  }

  @Test
  void the_docs_page_initializes_swagger_uis_oauth2_login_with_the_settings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("clientId", "my-client");
    settings.put("appName", "Snel <&>");
    settings.put("usePkceWithAuthorizationCodeGrant", true);
    settings.put("scopes", List.of("a", "b"));
    Snel app = Snel.create().include(new Routes());
    app.openApi().swaggerUiInitOAuth(settings);
    TestClient client = TestClient.of(app);
    String page = client.get("/docs").text();
    assertThat(page)
        .contains(
            "window.ui = SwaggerUIBundle(config);\n"
                + "window.ui.initOAuth({\"clientId\":\"my-client\",\"appName\":\"Snel \\u003c&>\","
                + "\"usePkceWithAuthorizationCodeGrant\":true,\"scopes\":[\"a\",\"b\"]});\n"
                + "</script>");
    assertThat(client.get("/openapi.json").text()).doesNotContain("my-client");
  }

  @Test
  void without_settings_the_page_does_not_call_init_oauth() {
    String page = TestClient.of(Snel.create().include(new Routes())).get("/docs").text();
    assertThat(page).doesNotContain("initOAuth");
    Snel cleared = Snel.create().include(new Routes());
    cleared.openApi().swaggerUiInitOAuth(Map.of("clientId", "x")).swaggerUiInitOAuth(Map.of());
    assertThat(TestClient.of(cleared).get("/docs").text()).doesNotContain("initOAuth");
  }

  @Test
  void the_oauth2_redirect_page_hands_the_authorization_back_to_swagger_ui() {
    TestClient client = TestClient.of(Snel.create().include(new Routes()));
    var page = client.get("/docs/oauth2-redirect");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("content-type")).contains("text/html; charset=utf-8");
    assertThat(page.text()).contains("<title>Swagger UI: OAuth2 Redirect</title>");
  }
}
