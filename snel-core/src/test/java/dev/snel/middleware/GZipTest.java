package dev.snel.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Starlette's GZipMiddleware: who gets gzip, who does not, and that it decodes to the original. */
class GZipTest {
  static final String BIG = "Snel is FastAPI for Java. ".repeat(80);
  static final byte[] RANDOM = new byte[4000];
  static final Response SHARED = Response.text(BIG);

  static {
    new Random(42).nextBytes(RANDOM);
  }

  public static class Routes {
    @Get("/big")
    public Response big() {
      return Response.text(BIG);
    }

    @Get("/small")
    public Response small() {
      return Response.text("tiny");
    }

    @Get("/random")
    public Response random() {
      return Response.bytes(RANDOM, "application/octet-stream");
    }

    @Get("/encoded")
    public Response encoded() {
      return Response.text(BIG).header("content-encoding", "br");
    }

    @Get("/events")
    public Response events() {
      return Response.bytes(BIG.getBytes(StandardCharsets.UTF_8), "text/event-stream");
    }

    @Get("/shared")
    public Response shared() {
      return SHARED;
    }
  }

  private static TestClient client(GZip gzip) {
    return TestClient.of(Snel.create().include(new Routes()).middleware(gzip));
  }

  private static TestResponse gzipped(TestClient client, String target) {
    return client.request("GET", target).header("accept-encoding", "gzip, deflate, br").send();
  }

  static byte[] gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  @Test
  void a_large_body_is_gzipped_for_a_client_that_accepts_it_and_decodes_to_the_original()
      throws IOException {
    TestResponse response = gzipped(client(GZip.create()), "/big");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-encoding")).contains("gzip");
    assertThat(response.header("vary")).contains("Accept-Encoding");
    assertThat(response.header("content-length"))
        .contains(Integer.toString(response.body().length));
    assertThat(response.body().length).isLessThan(BIG.length());
    assertThat(gunzip(response.body())).isEqualTo(BIG.getBytes(StandardCharsets.UTF_8));
    assertThat(response.header("content-type")).contains("text/plain; charset=utf-8");
  }

  @Test
  void a_client_that_does_not_accept_gzip_gets_the_body_as_it_is_with_vary() {
    TestResponse response = client(GZip.create()).get("/big");
    assertThat(response.header("content-encoding")).isEmpty();
    assertThat(response.text()).isEqualTo(BIG);
    assertThat(response.header("vary")).contains("Accept-Encoding");
  }

  @Test
  void a_body_under_the_minimum_size_is_untouched() {
    TestResponse response = gzipped(client(GZip.create()), "/small");
    assertThat(response.header("content-encoding")).isEmpty();
    assertThat(response.header("vary")).isEmpty();
    assertThat(response.text()).isEqualTo("tiny");
  }

  @Test
  void the_minimum_size_is_configurable() throws IOException {
    TestClient client = client(GZip.create(10_000, 5));
    assertThat(gzipped(client, "/big").header("content-encoding")).isEmpty();
    TestResponse small = gzipped(client(GZip.create(4, 1)), "/small");
    assertThat(small.header("content-encoding")).isEmpty(); // 4 bytes do not get smaller
    assertThat(gunzip(gzipped(client(GZip.create(0, 1)), "/big").body()))
        .isEqualTo(BIG.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void an_incompressible_body_is_sent_as_it_is() {
    TestResponse response = gzipped(client(GZip.create()), "/random");
    assertThat(response.header("content-encoding")).isEmpty();
    assertThat(response.body()).isEqualTo(RANDOM);
  }

  @Test
  void an_already_encoded_body_and_an_event_stream_are_untouched() {
    TestClient client = client(GZip.create());
    TestResponse encoded = gzipped(client, "/encoded");
    assertThat(encoded.header("content-encoding")).contains("br");
    assertThat(encoded.text()).isEqualTo(BIG);
    TestResponse events = gzipped(client, "/events");
    assertThat(events.header("content-encoding")).isEmpty();
    assertThat(events.text()).isEqualTo(BIG);
  }

  @Test
  void a_response_the_handler_returns_every_time_is_never_changed() throws IOException {
    TestClient client = client(GZip.create());
    assertThat(gunzip(gzipped(client, "/shared").body()))
        .isEqualTo(BIG.getBytes(StandardCharsets.UTF_8));
    TestResponse plain = client.get("/shared");
    assertThat(plain.header("content-encoding")).isEmpty();
    assertThat(plain.text()).isEqualTo(BIG);
    assertThat(SHARED.headers().contains("vary")).isFalse();
  }
}
