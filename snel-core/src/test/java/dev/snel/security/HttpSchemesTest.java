package dev.snel.security;

import static dev.snel.security.Calls.assertNotAuthenticated;
import static dev.snel.security.Calls.get;
import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTPBearer, HTTPDigest and HTTPBasic on the wire, as FastAPI 0.141 answers (spec 1.5-1.8). */
class HttpSchemesTest {
  public static class Routes {
    // def bearer(credentials: Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer())])
    @Get("/bearer")
    public HttpAuthorizationCredentials bearer(@HttpBearer HttpAuthorizationCredentials c) {
      return c;
    }

    @Get("/bearer-optional")
    public Object bearerOptional(
        @HttpBearer(autoError = false) Optional<HttpAuthorizationCredentials> c) {
      return c.<Object>map(x -> x).orElse("none");
    }

    @Get("/digest")
    public HttpAuthorizationCredentials digest(@HttpDigest HttpAuthorizationCredentials c) {
      return c;
    }

    @Get("/digest-optional")
    public Object digestOptional(
        @HttpDigest(autoError = false) Optional<HttpAuthorizationCredentials> c) {
      return c.<Object>map(x -> x).orElse("none");
    }

    @Get("/basic")
    public Object basic(@HttpBasic HttpBasicCredentials c) {
      return new String[] {c.username(), c.password()};
    }

    // HTTPBasic(realm="simple")
    @Get("/basic-realm")
    public Object basicRealm(@HttpBasic(realm = "simple") HttpBasicCredentials c) {
      return new String[] {c.username(), c.password()};
    }

    @Get("/basic-optional")
    public Object basicOptional(
        @HttpBasic(autoError = false, realm = "r") Optional<HttpBasicCredentials> c) {
      return c.<Object>map(x -> new String[] {x.username(), x.password()}).orElse("none");
    }
  }

  private final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Bearer abc|Bearer|abc",
        "bearer abc|bearer|abc",
        "Bearer a b|Bearer|a b",
        "Bearer   abc  |Bearer|abc"
      })
  void http_bearer_gives_the_scheme_as_sent_and_the_stripped_credentials(
      String authorization, String scheme, String credentials) {
    var response = get(client, "/bearer", authorization);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(
            json("{\"scheme\":\"%s\",\"credentials\":\"%s\"}".formatted(scheme, credentials)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic abc", " Bearer abc", "Bearer\tabc"})
  void http_bearer_refuses_a_bare_bearer_and_other_schemes_with_401(String authorization) {
    assertNotAuthenticated(get(client, "/bearer", authorization), "Bearer");
    assertThat(get(client, "/bearer-optional", authorization).json().asString()).isEqualTo("none");
  }

  @Test
  void http_bearer_without_a_header_is_401_or_empty_without_auto_error() {
    assertNotAuthenticated(get(client, "/bearer", null), "Bearer");
    assertThat(get(client, "/bearer-optional", null).json().asString()).isEqualTo("none");
    assertThat(get(client, "/bearer-optional", "Bearer x").json())
        .isEqualTo(json("{\"scheme\":\"Bearer\",\"credentials\":\"x\"}"));
  }

  @Test
  void http_digest_gives_the_parameters_unparsed() {
    var response = get(client, "/digest", "digest x=1, y=2");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("{\"scheme\":\"digest\",\"credentials\":\"x=1, y=2\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Digest", "Bearer abc", "Basic abc"})
  void http_digest_refuses_with_a_digest_challenge(String authorization) {
    assertNotAuthenticated(get(client, "/digest", authorization), "Digest");
    assertThat(get(client, "/digest-optional", authorization).json().asString()).isEqualTo("none");
  }

  @Test
  void http_digest_without_a_header_is_401_or_empty_without_auto_error() {
    assertNotAuthenticated(get(client, "/digest", null), "Digest");
    assertThat(get(client, "/digest-optional", null).json().asString()).isEqualTo("none");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Basic dXNlcjpwYXNz|user|pass",
        "basic dXNlcjpwYXNz|user|pass",
        "Basic dXNlcjpwYXNz!!|user|pass", // Python skips what is not base64
        "Basic dXNl cjpw YXNz|user|pass",
        "Basic dXNlcjo=|user|''",
        "Basic OnBhc3M=|''|pass",
        "Basic dXNlcjpwYXNzOng=|user|pass:x",
        "Basic dXNlcjpwYXNzOng=trailing|user|pass:x", // the rest after full padding is ignored
      })
  void http_basic_decodes_base64_leniently_and_splits_at_the_first_colon(
      String authorization, String username, String password) {
    var response = get(client, "/basic", authorization);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(json("[\"%s\",\"%s\"]".formatted(username, password)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Basic dXNlcjpwYXN", // bad padding
        "Basic w6k6w6k=", // é:é in UTF-8: not ASCII
        "Basic dXNlcg==", // no colon
        "Basic",
        "Basic ",
        "Basic dXNlcjpwYXNzé", // a character Python cannot encode as ASCII
        "Basic d", // one dangling character
      })
  void http_basic_refuses_a_bad_payload_with_401_even_without_auto_error(String authorization) {
    assertNotAuthenticated(get(client, "/basic", authorization), "Basic");
    assertNotAuthenticated(get(client, "/basic-optional", authorization), "Basic realm=\"r\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bearer dXNlcjpwYXNz", " Basic dXNlcjpwYXNz"})
  void http_basic_without_credentials_is_401_or_empty_without_auto_error(String authorization) {
    assertNotAuthenticated(get(client, "/basic", authorization), "Basic");
    assertNotAuthenticated(get(client, "/basic-realm", authorization), "Basic realm=\"simple\"");
    assertThat(get(client, "/basic-optional", authorization).json().asString()).isEqualTo("none");
    assertNotAuthenticated(get(client, "/basic", null), "Basic");
    assertThat(get(client, "/basic-optional", null).json().asString()).isEqualTo("none");
    assertThat(get(client, "/basic-optional", "Basic dXNlcjpwYXNz").json())
        .isEqualTo(json("[\"user\",\"pass\"]"));
  }
}
