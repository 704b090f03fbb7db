package dev.snel.examples.queryparams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import org.junit.jupiter.api.Test;

class QueryParamsInProcessTest extends QueryParamsBehaviour {
  private final TestClient client = TestClient.of(Main.app());

  @Override
  TestClient client() {
    return client;
  }

  @Override
  String baseUrl() {
    return "http://testserver";
  }

  @Test
  void sends_the_clients_cookies_a_requests_own_and_the_ones_the_app_sets() {
    TestClient client = TestClient.of(Main.app()).cookie("session_id", "abc");
    assertThat(client.get("/client").json().get("session_id").asString()).isEqualTo("abc");

    TestResponse response = client.request("GET", "/client").cookie("session_id", "xyz").send();
    assertThat(response.json().get("session_id").asString()).isEqualTo("xyz");

    client.get("/whoami"); // answers with set-cookie: visited=yes; Path=/; SameSite=lax
    assertThat(client.cookies()).containsEntry("visited", "yes");
  }
}
