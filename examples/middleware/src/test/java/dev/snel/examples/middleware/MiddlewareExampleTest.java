package dev.snel.examples.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The requests of docs/tutorial/middleware.md, in-process and through the server. */
class MiddlewareExampleTest {
  @AutoClose
  private static final SnelServer server =
      SnelServer.start(Main.app(), ServerConfig.defaults().port(0));

  static Stream<TestClient> clients() {
    return Stream.of(TestClient.of(Main.app()), TestClient.of(server.baseUri()));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void every_response_says_how_long_it_took_and_which_request_it_answers(TestClient client) {
    TestResponse response =
        client.request("GET", "/items/5").header("x-request-id", "tutorial-1").send();
    assertThat(response.text()).isEqualTo("{\"item_id\":5}");
    assertThat(Double.parseDouble(response.header("x-process-time").orElseThrow()))
        .isGreaterThanOrEqualTo(0);
    assertThat(response.header("x-request-id")).contains("tutorial-1");
    assertThat(response.header("server-timing").orElseThrow()).startsWith("app;dur=");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_browser_on_an_allowed_origin_may_call_the_api_with_credentials(TestClient client) {
    TestResponse preflight =
        client
            .request("OPTIONS", "/send-notification/x")
            .header("origin", "http://localhost:8080")
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type, x-token")
            .send();
    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.text()).isEqualTo("OK");
    assertThat(preflight.header("access-control-allow-origin")).contains("http://localhost:8080");
    assertThat(preflight.header("access-control-allow-credentials")).contains("true");
    assertThat(preflight.header("access-control-allow-headers")).contains("content-type, x-token");
    TestResponse refused =
        client
            .request("OPTIONS", "/items/5")
            .header("origin", "https://evil.example.net")
            .header("access-control-request-method", "GET")
            .send();
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).isEqualTo("Disallowed CORS origin");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void a_long_answer_is_gzipped_for_a_client_that_accepts_it(TestClient client) throws IOException {
    TestResponse response =
        client.request("GET", "/report").header("accept-encoding", "gzip").send();
    assertThat(response.header("content-encoding")).contains("gzip");
    assertThat(response.header("vary")).contains("Accept-Encoding");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("All items are fine.\n".repeat(200));
    }
    assertThat(client.get("/items/5").header("content-encoding")).isEmpty();
  }

  @Test
  void the_background_task_runs_after_the_response() {
    Main.NOTIFICATIONS.clear();
    TestResponse response = TestClient.of(Main.app()).post("/send-notification/a@example.com", "");
    assertThat(response.json().get("message").asText())
        .isEqualTo("Notification sent in the background");
    assertThat(Main.NOTIFICATIONS).containsExactly("notification for a@example.com");
  }

  @Test
  void the_public_app_answers_only_its_hosts_and_only_over_https() {
    TestClient client = TestClient.of(Main.publicApp());
    TestResponse wrongHost = client.request("GET", "/items/5").header("host", "evil.com").send();
    assertThat(wrongHost.status()).isEqualTo(400);
    assertThat(wrongHost.text()).isEqualTo("Invalid host header");
    TestResponse plainHttp =
        client.request("GET", "/items/5?q=1").header("host", "api.example.com").send();
    assertThat(plainHttp.status()).isEqualTo(307);
    assertThat(plainHttp.header("location")).contains("https://api.example.com/items/5?q=1");
  }
}
