package dev.snel.examples.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The example's {@code /static/} routes: the page, the Range-test binary, 304, and no way out of
 * the folder. Run in-process and over a real server by the subclasses.
 */
abstract class StaticFilesBehaviour {
  /** data.bin as committed: 256 KiB from {@code new Random(2026)}. */
  static byte[] dataBin() {
    byte[] bytes = new byte[256 * 1024];
    new Random(2026).nextBytes(bytes);
    return bytes;
  }

  abstract TestClient client();

  @Test
  void the_folder_serves_its_index_page() {
    TestResponse page = client().get("/static/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("content-type")).contains("text/html; charset=utf-8");
    assertThat(page.text()).contains("<h1>Snel streaming example</h1>");
  }

  @Test
  void the_mount_path_without_slash_is_redirected_to_the_folder() {
    TestResponse response = client().get("/static");
    assertThat(response.status()).isEqualTo(307);
    assertThat(response.header("location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/static/"));
  }

  @Test
  void the_binary_is_sent_whole_and_by_range() {
    byte[] data = dataBin();
    TestResponse whole = client().get("/static/data.bin");
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.header("content-type")).contains("application/octet-stream");
    assertThat(whole.header("accept-ranges")).contains("bytes");
    assertThat(Arrays.equals(whole.body(), data)).isTrue();

    TestResponse range =
        client().request("GET", "/static/data.bin").header("range", "bytes=1000-1999").send();
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.header("content-range")).contains("bytes 1000-1999/262144");
    assertThat(range.body()).isEqualTo(Arrays.copyOfRange(data, 1000, 2000));

    TestResponse tail =
        client().request("GET", "/static/data.bin").header("range", "bytes=-16").send();
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(data, data.length - 16, data.length));

    TestResponse beyond =
        client().request("GET", "/static/data.bin").header("range", "bytes=262144-").send();
    assertThat(beyond.status()).isEqualTo(416);
    assertThat(beyond.header("content-range")).contains("bytes */262144");
  }

  @Test
  void a_current_copy_is_304() {
    String etag = client().get("/static/data.bin").header("etag").orElseThrow();
    TestResponse response =
        client().request("GET", "/static/data.bin").header("if-none-match", etag).send();
    assertThat(response.status()).isEqualTo(304);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void the_classes_beside_the_folder_are_out_of_reach() {
    TestResponse response =
        client().get("/static/..%2fdev%2fsnel%2fexamples%2fstreaming%2fMain.class");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.text()).isEqualTo("{\"detail\":\"Not Found\"}");
  }

  @Test
  void the_binary_is_also_a_download() {
    TestResponse response = client().get("/download/data.bin");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-disposition"))
        .contains("attachment; filename=\"data.bin\"");
    assertThat(Arrays.equals(response.body(), dataBin())).isTrue();
    TestResponse resumed =
        client().request("GET", "/download/data.bin").header("range", "bytes=200000-").send();
    assertThat(resumed.status()).isEqualTo(206);
    assertThat(resumed.body()).isEqualTo(Arrays.copyOfRange(dataBin(), 200000, 262144));
  }

  @Test
  void the_static_routes_are_not_in_the_openapi_document() {
    String paths = client().get("/openapi.json").json().get("paths").toString();
    assertThat(paths).contains("/download/data.bin").doesNotContain("/static");
  }

  @Test
  void a_missing_file_is_404() {
    assertThat(client().get("/static/missing.js").status()).isEqualTo(404);
    assertThat(client().request("POST", "/static/index.html").send().status()).isEqualTo(405);
  }
}
