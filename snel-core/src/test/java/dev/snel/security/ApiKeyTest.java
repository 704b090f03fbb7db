package dev.snel.security;

import static dev.snel.security.Calls.assertNotAuthenticated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** APIKeyHeader, APIKeyQuery and APIKeyCookie on the wire, as FastAPI 0.141 answers (spec 1.9). */
class ApiKeyTest {
  public static class Routes {
    // APIKeyHeader(name="X-Key")
    @Get("/header")
    public String header(@ApiKeyHeader(name = "X-Key") String key) {
      return key;
    }

    @Get("/query")
    public String query(@ApiKeyQuery(name = "key") String key) {
      return key;
    }

    @Get("/cookie")
    public String cookie(@ApiKeyCookie(name = "key") String key) {
      return key;
    }

    @Get("/optional")
    public String optional(
        @ApiKeyHeader(name = "X-Key", autoError = false) Optional<String> header,
        @ApiKeyQuery(name = "key", autoError = false) Optional<String> query,
        @ApiKeyCookie(name = "key", autoError = false) Optional<String> cookie) {
      return header.orElse("-") + "," + query.orElse("-") + "," + cookie.orElse("-");
    }
  }

  private final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @Test
  void a_header_key_is_read_by_a_case_insensitive_name_first_value_first() {
    var response =
        client.request("GET", "/header").header("x-key", "abc").header("X-KEY", "second").send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().asString()).isEqualTo("abc");
  }

  @Test
  void a_query_key_takes_the_last_value() {
    assertThat(client.get("/query?key=a&key=b").json().asString()).isEqualTo("b");
  }

  @Test
  void a_cookie_key_is_read_from_the_cookie() {
    assertThat(client.request("GET", "/cookie").cookie("key", "c1").send().json().asString())
        .isEqualTo("c1");
  }

  @Test
  void a_missing_or_empty_key_is_401_with_an_api_key_challenge() {
    assertNotAuthenticated(client.get("/header"), "APIKey");
    assertNotAuthenticated(client.request("GET", "/header").header("X-Key", "").send(), "APIKey");
    assertNotAuthenticated(client.get("/query"), "APIKey");
    assertNotAuthenticated(client.get("/query?key="), "APIKey");
    assertNotAuthenticated(client.get("/query?other=1"), "APIKey");
    assertNotAuthenticated(client.get("/cookie"), "APIKey");
    assertNotAuthenticated(client.request("GET", "/cookie").cookie("key", "").send(), "APIKey");
  }

  @Test
  void without_auto_error_a_missing_or_empty_key_is_an_empty_optional() {
    assertThat(client.get("/optional?key=").json().asString()).isEqualTo("-,-,-");
    assertThat(
            client
                .request("GET", "/optional?key=q")
                .header("X-Key", "h")
                .cookie("key", "c")
                .send()
                .json()
                .asString())
        .isEqualTo("h,q,c");
  }
}
