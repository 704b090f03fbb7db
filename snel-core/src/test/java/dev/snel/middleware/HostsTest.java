package dev.snel.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.Get;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import org.junit.jupiter.api.Test;

/** TrustedHost and HttpsRedirect: what a request's host and scheme get. */
class HostsTest {
  public static class Routes {
    @Get("/items")
    public String items() {
      return "items";
    }
  }

  private static TestResponse withHost(Snel app, String host, String target) {
    return TestClient.of(app).request("GET", target).header("host", host).send();
  }

  private static Snel trusting(TrustedHost trustedHost) {
    return Snel.create().include(new Routes()).middleware(trustedHost);
  }

  @Test
  void an_allowed_host_passes_with_or_without_a_port() {
    Snel app = trusting(TrustedHost.allowing("example.com"));
    assertThat(withHost(app, "example.com", "/items").status()).isEqualTo(200);
    assertThat(withHost(app, "example.com:8000", "/items").status()).isEqualTo(200);
  }

  @Test
  void another_host_is_refused_with_400_invalid_host_header() {
    TestResponse response =
        withHost(trusting(TrustedHost.allowing("example.com")), "evil.com", "/items");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text()).isEqualTo("Invalid host header");
    assertThat(response.header("content-type")).contains("text/plain; charset=utf-8");
  }

  @Test
  void a_wildcard_allows_subdomains_only() {
    Snel app = trusting(TrustedHost.allowing("*.example.com"));
    assertThat(withHost(app, "api.example.com", "/items").status()).isEqualTo(200);
    assertThat(withHost(app, "a.b.example.com", "/items").status()).isEqualTo(200);
    assertThat(withHost(app, "example.com", "/items").status()).isEqualTo(400);
    assertThat(withHost(app, "evilexample.com", "/items").status()).isEqualTo(400);
  }

  @Test
  void a_star_allows_any_host() {
    assertThat(withHost(trusting(TrustedHost.allowing("*")), "anything", "/items").status())
        .isEqualTo(200);
  }

  @Test
  void a_bare_domain_is_redirected_to_its_allowed_www_twin_unless_turned_off() {
    TestResponse redirected =
        withHost(
            trusting(TrustedHost.allowing("www.example.com")), "example.com:8000", "/items?q=1");
    assertThat(redirected.status()).isEqualTo(307);
    assertThat(redirected.header("location")).contains("http://www.example.com:8000/items?q=1");
    TestResponse refused =
        withHost(
            trusting(TrustedHost.allowing("www.example.com").wwwRedirect(false)),
            "example.com",
            "/items");
    assertThat(refused.status()).isEqualTo(400);
  }

  @Test
  void a_wildcard_that_is_not_a_leading_star_dot_is_a_mistake_at_startup() {
    assertThatThrownBy(() -> TrustedHost.allowing("*example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Domain wildcard patterns must be like '*.example.com'.");
    assertThatThrownBy(() -> TrustedHost.allowing("api.*.example.com"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Snel redirecting() {
    return Snel.create().include(new Routes()).middleware(HttpsRedirect.create());
  }

  @Test
  void an_http_request_is_redirected_to_https_with_307_keeping_path_and_query() {
    TestResponse response = withHost(redirecting(), "example.com", "/items?q=a%20b");
    assertThat(response.status()).isEqualTo(307);
    assertThat(response.header("location")).contains("https://example.com/items?q=a%20b");
    TestResponse post = TestClient.of(redirecting()).post("/items", "x");
    assertThat(post.status()).isEqualTo(307);
    assertThat(post.header("location")).contains("https://testserver/items");
  }

  @Test
  void the_default_ports_are_dropped_and_others_kept() {
    assertThat(withHost(redirecting(), "example.com:80", "/items").header("location"))
        .contains("https://example.com/items");
    assertThat(withHost(redirecting(), "example.com:443", "/items").header("location"))
        .contains("https://example.com/items");
    assertThat(withHost(redirecting(), "example.com:8080", "/items").header("location"))
        .contains("https://example.com:8080/items");
  }

  @Test
  void an_https_request_passes() throws Exception {
    Request request =
        Request.builder("GET", "/items").header("host", "example.com").scheme("https").build();
    Response response = redirecting().handle(request).get();
    assertThat(response.status()).isEqualTo(200);
  }
}
