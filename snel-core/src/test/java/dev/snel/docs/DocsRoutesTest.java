package dev.snel.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /openapi.json, /docs, /docs/oauth2-redirect, /redoc and their assets, in-process. */
class DocsRoutesTest {
  private static final String HTML = "text/html; charset=utf-8";

  public static class Items {
    @Get("/items/{item_id}")
    public Map<String, Object> readItem(long item_id, Optional<String> q) {
      return Map.of("item_id", item_id);
    }
  }

  public static class TakesDocs {
    @Get("/docs")
    public String docs() {
      return "my own docs";
    }
  }

  private static Snel app() {
    return Snel.create().include(new Items());
  }

  private final TestClient client = TestClient.of(app());

  @Test
  void serves_the_document_as_json() {
    TestResponse response = client.get("/openapi.json");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.json().get("openapi").asString()).isEqualTo("3.1.0");
    assertThat(response.json().get("paths").has("/items/{item_id}")).isTrue();
  }

  @Test
  void serves_swagger_ui_as_utf8_html_reading_the_document() {
    TestResponse response = client.get("/docs");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains(HTML);
    assertThat(response.text())
        .contains("<title>Snel - Swagger UI</title>")
        .contains("<div id=\"swagger-ui\"></div>")
        .contains("\"url\":\"/openapi.json\"")
        .contains("config.oauth2RedirectUrl = window.location.origin + \"/docs/oauth2-redirect\";")
        .contains("SwaggerUIBundle(config)");
  }

  @Test
  void swagger_ui_has_fastapis_default_parameters() {
    assertThat(swaggerUiConfig(client.get("/docs").text()))
        .isEqualTo(
            "{\"url\":\"/openapi.json\",\"dom_id\":\"#swagger-ui\",\"layout\":\"BaseLayout\",\"deepLinking\":true,"
                + "\"showExtensions\":true,\"showCommonExtensions\":true}");
  }

  @Test
  void swagger_ui_parameters_are_configurable_like_fastapis_swagger_ui_parameters() {
    Snel app = app();
    app.openApi()
        .swaggerUiParameter("deepLinking", false)
        .swaggerUiParameter("persistAuthorization", true)
        .swaggerUiParameter("syntaxHighlight", Map.of("theme", "obsidian"))
        .swaggerUiParameter("defaultModelsExpandDepth", -1);
    String config = swaggerUiConfig(TestClient.of(app).get("/docs").text());
    assertThat(config)
        .isEqualTo(
            "{\"url\":\"/openapi.json\",\"dom_id\":\"#swagger-ui\",\"layout\":\"BaseLayout\",\"deepLinking\":false,"
                + "\"showExtensions\":true,\"showCommonExtensions\":true,\"persistAuthorization\":true,"
                + "\"syntaxHighlight\":{\"theme\":\"obsidian\"},\"defaultModelsExpandDepth\":-1}");
  }

  @Test
  void syntax_highlighting_can_be_turned_off() {
    Snel app = app();
    app.openApi().swaggerUiParameter("syntaxHighlight", false);
    assertThat(swaggerUiConfig(TestClient.of(app).get("/docs").text()))
        .contains("\"syntaxHighlight\":false");
  }

  @Test
  void a_title_or_a_parameter_cannot_break_out_of_the_page() {
    Snel app = app();
    app.openApi()
        .title("Tom & Jerry's <script>alert(1)</script>")
        .swaggerUiParameter("x", "</script><!--");
    TestClient client = TestClient.of(app);
    String swaggerUi = client.get("/docs").text();
    assertThat(swaggerUi)
        .contains(
            "<title>Tom &amp; Jerry&#39;s &lt;script&gt;alert(1)&lt;/script&gt; - Swagger UI</title>");
    assertThat(swaggerUi).contains("\"x\":\"\\u003c/script>\\u003c!--\"");
    assertThat(swaggerUi.split("</script>", -1))
        .hasSize(3); // the bundle's and the config's, nothing else
    assertThat(client.get("/redoc").text())
        .contains(
            "<title>Tom &amp; Jerry&#39;s &lt;script&gt;alert(1)&lt;/script&gt; - ReDoc</title>");
  }

  @Test
  void serves_redoc_as_utf8_html_reading_the_document() {
    TestResponse response = client.get("/redoc");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains(HTML);
    assertThat(response.text())
        .contains("<title>Snel - ReDoc</title>")
        .contains(
            "Redoc.init(\"/openapi.json\", {}, document.getElementById(\"redoc-container\"));")
        .doesNotContain("fonts.googleapis.com");
  }

  @Test
  void serves_swagger_uis_oauth2_redirect_page() {
    TestResponse response = client.get("/docs/oauth2-redirect");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains(HTML);
    List<String> scripts = linkedAssets(response.text());
    assertThat(scripts).singleElement().asString().startsWith("/docs/assets/oauth2-redirect.js?v=");
    TestResponse script = client.get(scripts.getFirst());
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.text()).contains("swaggerUIRedirectOauth2", "window.close()");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/docs", "/redoc", "/docs/oauth2-redirect"})
  void every_asset_a_page_links_is_served_from_this_server(String page) {
    List<String> assets = linkedAssets(client.get(page).text());
    assertThat(assets)
        .isNotEmpty()
        .allSatisfy(
            url ->
                assertThat(url)
                    .startsWith(page.equals("/redoc") ? "/redoc/assets/" : "/docs/assets/"));
    for (String asset : assets) {
      assertThat(client.get(asset).status()).as(asset).isEqualTo(200);
    }
  }

  @Test
  void assets_have_their_media_types() {
    assertThat(client.get("/docs/assets/swagger-ui-bundle.js").header("content-type"))
        .contains("text/javascript; charset=utf-8");
    assertThat(client.get("/docs/assets/oauth2-redirect.js").header("content-type"))
        .contains("text/javascript; charset=utf-8");
    assertThat(client.get("/docs/assets/swagger-ui.css").header("content-type"))
        .contains("text/css; charset=utf-8");
    assertThat(client.get("/docs/assets/favicon-32x32.png").header("content-type"))
        .contains("image/png");
    assertThat(client.get("/docs/assets/favicon-16x16.png").header("content-type"))
        .contains("image/png");
    assertThat(client.get("/redoc/assets/redoc.standalone.js").header("content-type"))
        .contains("text/javascript; charset=utf-8");
    assertThat(client.get("/redoc/assets/favicon-32x32.png").header("content-type"))
        .contains("image/png");
    assertThat(client.get("/docs/assets/swagger-ui-bundle.js").header("x-content-type-options"))
        .contains("nosniff");
  }

  @Test
  void assets_linked_with_their_fingerprint_are_cached_for_a_year() {
    for (String asset : linkedAssets(client.get("/docs").text())) {
      TestResponse response = client.get(asset);
      assertThat(response.header("cache-control"))
          .as(asset)
          .contains("public, max-age=31536000, immutable");
      assertThat(response.header("etag").orElseThrow()).as(asset).matches("\"[0-9a-f]{16}\"");
      assertThat(asset).endsWith("?v=" + response.header("etag").orElseThrow().replace("\"", ""));
    }
  }

  @Test
  void assets_asked_for_without_the_current_fingerprint_are_revalidated_with_their_etag() {
    TestResponse unversioned = client.get("/docs/assets/swagger-ui.css");
    assertThat(unversioned.header("cache-control")).contains("no-cache");
    assertThat(client.get("/docs/assets/swagger-ui.css?v=0000000000000000").header("cache-control"))
        .contains("no-cache");
    String etag = unversioned.header("etag").orElseThrow();

    TestResponse notModified =
        client.request("GET", "/docs/assets/swagger-ui.css").header("if-none-match", etag).send();
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    assertThat(notModified.header("etag")).contains(etag);
    assertThat(notModified.header("content-length"))
        .contains(Integer.toString(unversioned.body().length));

    TestResponse changed =
        client
            .request("GET", "/docs/assets/swagger-ui.css")
            .header("if-none-match", "\"other\"")
            .send();
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.body()).isEqualTo(unversioned.body());
  }

  @Test
  void assets_end_with_no_link_to_a_source_map_and_redoc_loads_no_logo_from_the_internet() {
    for (String asset :
        List.of(
            "/docs/assets/swagger-ui.css",
            "/docs/assets/swagger-ui-bundle.js",
            "/redoc/assets/redoc.standalone.js")) {
      String text = client.get(asset).text().stripTrailing();
      assertThat(text.substring(text.lastIndexOf('\n') + 1))
          .as(asset)
          .doesNotContain("sourceMappingURL");
    }
    String redoc = client.get("/redoc/assets/redoc.standalone.js").text();
    assertThat(redoc.contains("cdn.redoc.ly")).as("redoc's bundle names cdn.redoc.ly").isFalse();
    assertThat(redoc.contains("API docs by Redocly"))
        .as("redoc's bundle keeps its attribution")
        .isTrue();
  }

  @Test
  void the_document_is_generated_once_and_served_as_is_every_time() {
    assertThat(client.get("/openapi.json").body()).isEqualTo(client.get("/openapi.json").body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/openapi.json",
        "/docs",
        "/redoc",
        "/docs/oauth2-redirect",
        "/docs/assets/swagger-ui.css",
        "/redoc/assets/redoc.standalone.js"
      })
  void head_answers_with_the_headers_of_get_and_no_body(String path) {
    TestResponse get = client.get(path);
    TestResponse head = client.head(path);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.header("content-type")).isEqualTo(get.header("content-type"));
    assertThat(head.header("content-length")).contains(Integer.toString(get.body().length));
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
  void other_methods_on_the_document_get_405_with_allow(String method) {
    TestResponse response = client.request(method, "/openapi.json").send();
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("allow")).contains("GET, HEAD");
    assertThat(response.json()).isEqualTo(TestClient.json("{\"detail\":\"Method Not Allowed\"}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/docs",
        "/redoc",
        "/docs/oauth2-redirect",
        "/docs/assets/swagger-ui-bundle.js",
        "/redoc/assets/redoc.standalone.js"
      })
  void post_to_a_page_or_an_asset_gets_405_with_allow(String path) {
    TestResponse response = client.post(path, Map.of());
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("allow")).contains("GET, HEAD");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/docs/", "/redoc/", "/openapi.json/"})
  void a_page_with_a_trailing_slash_is_redirected_to_the_page(String path) {
    TestResponse response = client.get(path + "?x=1");
    assertThat(response.status()).isEqualTo(307);
    assertThat(response.header("location"))
        .contains("http://testserver" + path.substring(0, path.length() - 1) + "?x=1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/docs/assets/index.html",
        "/docs/assets/swagger-initializer.js",
        "/docs/assets/../assets/swagger-ui.css",
        "/docs/assets/",
        "/redoc/assets/swagger-ui-bundle.js",
        "/docs/assets/redoc.standalone.js",
        "/docs/oauth2-redirect.html"
      })
  void other_paths_under_the_pages_are_not_found(String path) {
    assertThat(client.get(path).status()).isEqualTo(404);
  }

  @Test
  void docs_url_null_turns_swagger_ui_off_and_leaves_the_rest() {
    Snel app = app();
    app.openApi().docsUrl(null);
    TestClient client = TestClient.of(app);
    assertThat(client.get("/docs").status()).isEqualTo(404);
    assertThat(client.get("/docs/oauth2-redirect").status()).isEqualTo(404);
    assertThat(client.get("/docs/assets/swagger-ui-bundle.js").status()).isEqualTo(404);
    assertThat(client.get("/redoc").status()).isEqualTo(200);
    assertThat(client.get("/redoc/assets/favicon-32x32.png").status()).isEqualTo(200);
    assertThat(client.get("/openapi.json").status()).isEqualTo(200);
  }

  @Test
  void redoc_url_null_turns_redoc_off_and_leaves_the_rest() {
    Snel app = app();
    app.openApi().redocUrl(null);
    TestClient client = TestClient.of(app);
    assertThat(client.get("/redoc").status()).isEqualTo(404);
    assertThat(client.get("/redoc/assets/redoc.standalone.js").status()).isEqualTo(404);
    assertThat(client.get("/docs").status()).isEqualTo(200);
    assertThat(client.get("/openapi.json").status()).isEqualTo(200);
  }

  @Test
  void openapi_url_null_turns_off_the_document_and_both_pages() {
    Snel app = app();
    app.openApi().openapiUrl(null);
    TestClient client = TestClient.of(app);
    for (String path :
        List.of(
            "/openapi.json",
            "/docs",
            "/docs/oauth2-redirect",
            "/docs/assets/swagger-ui.css",
            "/redoc",
            "/redoc/assets/redoc.standalone.js")) {
      assertThat(client.get(path).status()).as(path).isEqualTo(404);
    }
    assertThat(client.get("/items/1").status()).isEqualTo(200);
  }

  @Test
  void custom_paths_move_the_document_the_pages_and_their_assets() {
    Snel app = app();
    app.openApi().openapiUrl("/api/v1/openapi.json").docsUrl("/api/swagger").redocUrl("/reference");
    TestClient client = TestClient.of(app);
    for (String old :
        List.of(
            "/openapi.json",
            "/docs",
            "/redoc",
            "/docs/oauth2-redirect",
            "/docs/assets/swagger-ui.css")) {
      assertThat(client.get(old).status()).as(old).isEqualTo(404);
    }
    assertThat(client.get("/api/v1/openapi.json").json().get("openapi").asString())
        .isEqualTo("3.1.0");

    String swaggerUi = client.get("/api/swagger").text();
    assertThat(swaggerUi)
        .contains("\"url\":\"/api/v1/openapi.json\"")
        .contains("\"/api/swagger/oauth2-redirect\"");
    assertThat(client.get("/api/swagger/oauth2-redirect").status()).isEqualTo(200);
    String redoc = client.get("/reference").text();
    assertThat(redoc).contains("Redoc.init(\"/api/v1/openapi.json\"");
    List<String> assets = new ArrayList<>(linkedAssets(swaggerUi));
    assets.addAll(linkedAssets(redoc));
    assertThat(assets)
        .anyMatch(a -> a.startsWith("/api/swagger/assets/"))
        .anyMatch(a -> a.startsWith("/reference/assets/"));
    for (String asset : assets) {
      assertThat(client.get(asset).status()).as(asset).isEqualTo(200);
    }
  }

  @Test
  void an_app_route_wins_over_a_docs_page() {
    TestClient client = TestClient.of(Snel.create().include(new TakesDocs()));
    assertThat(client.get("/docs").json().asString()).isEqualTo("my own docs");
    assertThat(client.get("/redoc").status()).isEqualTo(200);
  }

  /** The Swagger UI configuration object the page passes to SwaggerUIBundle. */
  private static String swaggerUiConfig(String page) {
    Matcher config = Pattern.compile("const config = (\\{.*});").matcher(page);
    assertThat(config.find()).as("the page has a config object:%n%s", page).isTrue();
    return config.group(1);
  }

  /** The URLs of the page's scripts, styles and icons. */
  private static List<String> linkedAssets(String page) {
    List<String> urls = new ArrayList<>();
    Matcher link = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(page);
    while (link.find()) {
      urls.add(link.group(1));
    }
    return urls;
  }
}
