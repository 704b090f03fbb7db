package dev.snel.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.MdcForTests;
import org.slf4j.spi.MDCAdapter;

/** RequestId: the id on the response and in the log context, timing, and one access line. */
class RequestIdTest {
  private static MDCAdapter testsMdc;

  @BeforeAll
  static void aLoggingBackendWithAnMdc() {
    testsMdc = MdcForTests.install();
  }

  @AfterAll
  static void backToTheTestsBackend() {
    MdcForTests.restore(testsMdc);
  }

  public static class Routes {
    @Get("/whoami")
    public String whoami() {
      return Objects.requireNonNullElse(MDC.get("request_id"), "no id in the MDC");
    }

    @Get("/boom")
    public String boom() {
      throw new IllegalStateException("boom");
    }
  }

  private static TestClient client() {
    return TestClient.of(Snel.create().include(new Routes()).middleware(RequestId.create()));
  }

  @Test
  void the_clients_request_id_is_echoed_and_is_in_the_mdc_while_the_handler_runs() {
    TestResponse response =
        client().request("GET", "/whoami").header("x-request-id", "abc-123").send();
    assertThat(response.header("x-request-id")).contains("abc-123");
    assertThat(response.json().asText()).isEqualTo("abc-123");
  }

  @Test
  void a_request_without_a_safe_id_gets_one_made_up() {
    TestResponse response =
        client().request("GET", "/whoami").header("x-request-id", "x".repeat(500)).send();
    String id = response.header("x-request-id").orElseThrow();
    assertThat(id).isNotEqualTo("x".repeat(500)).isNotBlank();
    assertThat(response.json().asText()).isEqualTo(id);
  }

  @Test
  void the_response_says_how_long_the_app_took_in_server_timing() {
    assertThat(client().get("/whoami").header("server-timing").orElseThrow())
        .matches("app;dur=\\d+\\.\\d{3}");
  }

  @Test
  void every_request_gets_one_access_log_line_even_when_it_fails() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    TestResponse failed;
    try {
      TestClient client = client();
      client.request("GET", "/whoami?token=secret").header("x-request-id", "req-1").send();
      failed = client.request("GET", "/boom").header("x-request-id", "req-2").send();
    } finally {
      System.setErr(err);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log.lines().filter(line -> line.contains("dev.snel.access")))
        .hasSize(2)
        .anySatisfy(
            line ->
                assertThat(line)
                    .containsPattern("\"GET /whoami\" 200 \\d+\\.\\d{3}ms request_id=req-1"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .containsPattern("\"GET /boom\" 500 \\d+\\.\\d{3}ms request_id=req-2"));
    assertThat(log).doesNotContain("secret");
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.header("x-request-id")).contains("req-2");
  }
}
