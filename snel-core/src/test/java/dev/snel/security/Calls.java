package dev.snel.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import org.jspecify.annotations.Nullable;

/** Requests with an Authorization header, and FastAPI's 401 as the tests expect it. */
final class Calls {
  static final String NOT_AUTHENTICATED = "{\"detail\":\"Not authenticated\"}";

  private Calls() {}

  /** GET with this Authorization header; none when null. */
  static TestResponse get(TestClient client, String target, @Nullable String authorization) {
    TestClient.Call call = client.request("GET", target);
    if (authorization != null) {
      call.header("Authorization", authorization);
    }
    return call.send();
  }

  /** FastAPI's 401: {"detail":"Not authenticated"} with the scheme's challenge. */
  static void assertNotAuthenticated(TestResponse response, String challenge) {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.text()).isEqualTo(NOT_AUTHENTICATED);
    assertThat(response.headers("www-authenticate")).containsExactly(challenge);
    assertThat(response.header("content-type")).contains("application/json");
  }
}
