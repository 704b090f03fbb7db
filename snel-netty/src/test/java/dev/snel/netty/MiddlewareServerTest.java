package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.BackgroundTasks;
import dev.snel.Get;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.middleware.Cors;
import dev.snel.middleware.GZip;
import dev.snel.middleware.HttpsRedirect;
import dev.snel.middleware.RequestId;
import dev.snel.middleware.TrustedHost;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Middleware through the real server: headers on the wire, and background tasks after writing. */
class MiddlewareServerTest {
  static final String BIG = "Snel is FastAPI for Java. ".repeat(80);
  static final CountDownLatch RELEASE = new CountDownLatch(1);
  static final CountDownLatch TASK_DONE = new CountDownLatch(1);

  public static class Routes {
    @Get("/big")
    public Response big() {
      return Response.text(BIG);
    }

    @Get("/notify")
    public String notify(BackgroundTasks tasks) {
      tasks.add(
          () -> {
            RELEASE.await();
            TASK_DONE.countDown();
          });
      return "queued";
    }
  }

  @Test
  void the_response_arrives_while_a_background_task_is_still_blocked() throws Exception {
    Snel app =
        Snel.create()
            .include(new Routes())
            .middleware((request, next) -> next.proceed(request))
            .middleware(RequestId.create());
    try (SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0))) {
      TestResponse response = TestClient.of(server.baseUri()).get("/notify");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().asText()).isEqualTo("queued");
      assertThat(response.header("x-request-id")).isPresent();
      assertThat(TASK_DONE.getCount()).isEqualTo(1); // still waiting for RELEASE
      RELEASE.countDown();
      assertThat(TASK_DONE.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void cors_and_gzip_headers_and_the_compressed_body_are_on_the_wire() throws Exception {
    Snel app =
        Snel.create()
            .include(new Routes())
            .middleware(GZip.create())
            .middleware(
                Cors.builder()
                    .allowOrigins("https://app.example.com")
                    .allowCredentials(true)
                    .exposeHeaders("x-request-id")
                    .build());
    try (SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0))) {
      TestClient client = TestClient.of(server.baseUri());
      TestResponse preflight =
          client
              .request("OPTIONS", "/big")
              .header("origin", "https://app.example.com")
              .header("access-control-request-method", "GET")
              .send();
      assertThat(preflight.status()).isEqualTo(200);
      assertThat(preflight.text()).isEqualTo("OK");
      assertThat(preflight.header("access-control-allow-origin"))
          .contains("https://app.example.com");
      assertThat(preflight.header("access-control-allow-credentials")).contains("true");

      TestResponse response =
          client
              .request("GET", "/big")
              .header("origin", "https://app.example.com")
              .header("accept-encoding", "gzip")
              .send();
      assertThat(response.header("content-encoding")).contains("gzip");
      assertThat(response.header("content-length"))
          .contains(Integer.toString(response.body().length));
      assertThat(response.header("vary")).contains("Accept-Encoding, Origin");
      assertThat(response.header("access-control-allow-origin"))
          .contains("https://app.example.com");
      assertThat(response.header("access-control-expose-headers")).contains("x-request-id");
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(BIG);
      }
    }
  }

  @Test
  void a_foreign_host_header_is_refused_and_plain_http_is_redirected_to_https() throws Exception {
    Snel app =
        Snel.create()
            .include(new Routes())
            .middleware(HttpsRedirect.create())
            .middleware(TrustedHost.allowing("127.0.0.1", "*.example.com"));
    try (SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0));
        Raw http = Raw.open(server.port())) {
      Raw.Reply refused = http.send("GET /big HTTP/1.1\r\nHost: evil.com\r\n\r\n").read();
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).isEqualTo("Invalid host header");
      Raw.Reply redirected =
          http.send("GET /big?q=1 HTTP/1.1\r\nHost: api.example.com\r\n\r\n").read();
      assertThat(redirected.status()).isEqualTo(307);
      assertThat(redirected.headers().get("location")).isEqualTo("https://api.example.com/big?q=1");
      TestResponse local = TestClient.of(server.baseUri()).get("/big");
      assertThat(local.status()).isEqualTo(307);
      assertThat(local.header("location")).contains("https://127.0.0.1:" + server.port() + "/big");
    }
  }
}
