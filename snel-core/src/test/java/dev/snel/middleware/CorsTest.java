package dev.snel.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The CORS rules of the Fetch standard (§3.2 "CORS protocol") as the server's side answers them: a
 * simple request gets {@code Access-Control-Allow-Origin} only for an allowed origin; a preflight
 * names the allowed method and headers; a credentialed answer never uses {@code *}.
 */
class CorsTest {
  static final List<String> HANDLED = new CopyOnWriteArrayList<>();
  static final String SITE = "https://app.example.com";
  static final String EVIL = "https://evil.example.net";

  public static class Routes {
    @Get("/items")
    public Response items() {
      HANDLED.add("GET /items");
      return Response.json(List.of("a", "b")).header("x-total-count", "2");
    }

    @Post("/items")
    public String create() {
      HANDLED.add("POST /items");
      return "created";
    }
  }

  private static TestClient client(Cors cors) {
    HANDLED.clear();
    return TestClient.of(Snel.create().include(new Routes()).middleware(cors));
  }

  private static TestResponse simple(TestClient client, String origin) {
    return client.request("GET", "/items").header("origin", origin).send();
  }

  private static TestResponse preflight(
      TestClient client, String origin, String method, String headers) {
    TestClient.Call call =
        client
            .request("OPTIONS", "/items")
            .header("origin", origin)
            .header("access-control-request-method", method);
    return headers == null
        ? call.send()
        : call.header("access-control-request-headers", headers).send();
  }

  private static Cors specific() {
    return Cors.builder()
        .allowOrigins(SITE)
        .allowMethods("GET", "POST")
        .allowHeaders("X-Token")
        .build();
  }

  @Test
  void a_simple_request_from_an_allowed_origin_gets_its_origin_back_and_vary_origin() {
    TestResponse response = simple(client(specific()), SITE);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("access-control-allow-origin")).contains(SITE);
    assertThat(response.header("vary")).contains("Origin");
    assertThat(response.header("access-control-allow-credentials")).isEmpty();
  }

  @Test
  void a_simple_request_from_another_origin_is_served_without_cors_headers() {
    TestResponse response = simple(client(specific()), EVIL);
    assertThat(response.status()).isEqualTo(200); // the browser, not the server, withholds it
    assertThat(response.header("access-control-allow-origin")).isEmpty();
    assertThat(HANDLED).containsExactly("GET /items");
  }

  @Test
  void a_request_without_origin_is_left_alone() {
    TestResponse response = client(specific()).get("/items");
    assertThat(response.headers().names()).noneMatch(name -> name.startsWith("access-control"));
    assertThat(response.header("vary")).isEmpty();
  }

  @Test
  void an_allowed_preflight_is_answered_ok_before_routing() {
    TestResponse response = preflight(client(specific()), SITE, "POST", "x-token, content-type");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("OK");
    assertThat(response.header("content-type")).contains("text/plain; charset=utf-8");
    assertThat(response.header("access-control-allow-origin")).contains(SITE);
    assertThat(response.header("access-control-allow-methods")).contains("GET, POST");
    assertThat(response.header("access-control-allow-headers"))
        .contains("Accept, Accept-Language, Content-Language, Content-Type, X-Token");
    assertThat(response.header("access-control-max-age")).contains("600");
    assertThat(response.header("vary")).contains("Origin");
    assertThat(HANDLED).isEmpty();
  }

  @Test
  void a_preflight_for_a_method_not_allowed_is_refused_with_400() {
    TestResponse response = preflight(client(specific()), SITE, "DELETE", null);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text()).isEqualTo("Disallowed CORS method");
  }

  @Test
  void a_preflight_for_a_header_not_allowed_is_refused_with_400() {
    TestResponse response = preflight(client(specific()), SITE, "GET", "x-token, x-secret");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text()).isEqualTo("Disallowed CORS headers");
  }

  @Test
  void a_preflight_names_every_failure_and_gives_a_foreign_origin_no_allow_origin() {
    TestResponse response = preflight(client(specific()), EVIL, "PUT", "x-secret");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text()).isEqualTo("Disallowed CORS origin, method, headers");
    assertThat(response.header("access-control-allow-origin")).isEmpty();
  }

  @Test
  void with_credentials_a_specific_origin_is_echoed_never_a_star() {
    TestClient client = client(Cors.builder().allowOrigins(SITE).allowCredentials(true).build());
    TestResponse actual = simple(client, SITE);
    assertThat(actual.header("access-control-allow-origin")).contains(SITE);
    assertThat(actual.header("access-control-allow-credentials")).contains("true");
    assertThat(actual.header("vary")).contains("Origin");
    TestResponse pre = preflight(client, SITE, "GET", null);
    assertThat(pre.status()).isEqualTo(200);
    assertThat(pre.header("access-control-allow-origin")).contains(SITE);
    assertThat(pre.header("access-control-allow-credentials")).contains("true");
  }

  @Test
  void any_origin_with_credentials_echoes_the_origin_instead_of_a_star() {
    TestClient client = client(Cors.builder().allowOrigins("*").allowCredentials(true).build());
    TestResponse actual = simple(client, EVIL);
    assertThat(actual.header("access-control-allow-origin")).contains(EVIL);
    assertThat(actual.header("access-control-allow-credentials")).contains("true");
    assertThat(actual.header("vary")).contains("Origin");
    assertThat(preflight(client, EVIL, "GET", null).header("access-control-allow-origin"))
        .contains(EVIL);
  }

  @Test
  void any_origin_without_credentials_is_a_star_without_vary() {
    TestClient client = client(Cors.builder().allowOrigins("*").build());
    TestResponse actual = simple(client, EVIL);
    assertThat(actual.header("access-control-allow-origin")).contains("*");
    assertThat(actual.header("vary")).isEmpty();
    TestResponse pre = preflight(client, EVIL, "GET", null);
    assertThat(pre.header("access-control-allow-origin")).contains("*");
    assertThat(pre.header("vary")).isEmpty();
  }

  @Test
  void any_origin_with_a_cookie_in_the_request_gets_its_origin_back_as_in_starlette() {
    TestClient client = client(Cors.builder().allowOrigins("*").build());
    TestResponse actual =
        client.request("GET", "/items").header("origin", SITE).header("cookie", "a=1").send();
    assertThat(actual.header("access-control-allow-origin")).contains(SITE);
    assertThat(actual.header("vary")).contains("Origin");
  }

  @Test
  void a_regex_allows_origins_it_matches_as_a_whole() {
    TestClient client =
        client(Cors.builder().allowOriginRegex("https://.*\\.example\\.org").build());
    assertThat(simple(client, "https://shop.example.org").header("access-control-allow-origin"))
        .contains("https://shop.example.org");
    assertThat(
            simple(client, "https://shop.example.org.evil.net")
                .header("access-control-allow-origin"))
        .isEmpty();
    assertThat(preflight(client, "https://shop.example.org", "GET", null).status()).isEqualTo(200);
    assertThat(preflight(client, "https://example.net", "GET", null).text())
        .isEqualTo("Disallowed CORS origin");
  }

  @Test
  void exposed_headers_are_named_on_actual_responses_not_on_preflights() {
    TestClient client =
        client(Cors.builder().allowOrigins(SITE).exposeHeaders("x-total-count").build());
    TestResponse actual = simple(client, SITE);
    assertThat(actual.header("access-control-expose-headers")).contains("x-total-count");
    assertThat(actual.header("x-total-count")).contains("2");
    assertThat(preflight(client, SITE, "GET", null).header("access-control-expose-headers"))
        .isEmpty();
  }

  @Test
  void max_age_sets_how_long_a_preflight_may_be_cached() {
    TestClient client =
        client(Cors.builder().allowOrigins(SITE).maxAge(Duration.ofHours(1)).build());
    assertThat(preflight(client, SITE, "GET", null).header("access-control-max-age"))
        .contains("3600");
  }

  @Test
  void star_methods_and_headers_allow_every_method_and_mirror_the_requested_headers() {
    TestClient client =
        client(Cors.builder().allowOrigins(SITE).allowMethods("*").allowHeaders("*").build());
    TestResponse pre = preflight(client, SITE, "PATCH", "X-Anything, X-Else");
    assertThat(pre.status()).isEqualTo(200);
    assertThat(pre.header("access-control-allow-methods"))
        .contains("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
    assertThat(pre.header("access-control-allow-headers")).contains("X-Anything, X-Else");
  }

  @Test
  void an_options_request_without_a_requested_method_is_not_a_preflight() {
    TestResponse response =
        client(specific()).request("OPTIONS", "/items").header("origin", SITE).send();
    assertThat(response.status()).isEqualTo(405); // reaches the router, which has no OPTIONS route
    assertThat(response.header("access-control-allow-origin")).contains(SITE);
  }

  @Test
  void vary_keeps_what_the_app_or_gzip_already_said() {
    TestClient client =
        TestClient.of(
            Snel.create()
                .include(new Routes())
                .middleware(GZip.create(1, 9))
                .middleware(specific()));
    TestResponse response =
        client
            .request("GET", "/items")
            .header("origin", SITE)
            .header("accept-encoding", "gzip")
            .send();
    assertThat(response.header("vary")).contains("Accept-Encoding, Origin");
  }
}
