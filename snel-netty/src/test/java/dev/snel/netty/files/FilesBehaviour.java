package dev.snel.netty.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code Response.file} and {@code StaticFiles} as a client sees them, Starlette's {@code
 * FileResponse} and {@code StaticFiles} behaviour: headers from the file, ranges, conditional
 * requests, HEAD, 404/405 and HTML mode. Run in-process and over a real server by the subclasses.
 */
abstract class FilesBehaviour {
  static final byte[] README = FileRoutes.README.getBytes(StandardCharsets.UTF_8);

  abstract TestClient client();

  abstract Path dir();

  private TestResponse get(String target, String... headers) {
    var call = client().request("GET", target);
    for (int i = 0; i < headers.length; i += 2) {
      call.header(headers[i], headers[i + 1]);
    }
    return call.send();
  }

  private TestResponse head(String target, String... headers) {
    var call = client().request("HEAD", target);
    for (int i = 0; i < headers.length; i += 2) {
      call.header(headers[i], headers[i + 1]);
    }
    return call.send();
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    return Arrays.copyOfRange(bytes, from, to);
  }

  // ---- Response.file: the whole file

  @Test
  void a_file_is_sent_whole_with_its_length_type_validators_and_accept_ranges() throws Exception {
    TestResponse response = get("/file");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(README);
    assertThat(response.header("content-length")).contains(Integer.toString(README.length));
    assertThat(response.header("content-type")).contains("text/plain; charset=utf-8");
    assertThat(response.header("accept-ranges")).contains("bytes");
    assertThat(response.header("etag"))
        .hasValueSatisfying(e -> assertThat(e).matches("\"[0-9a-f]{32}\""));
    String modified =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .format(
                ZonedDateTime.ofInstant(
                    Files.getLastModifiedTime(dir().resolve("readme.txt")).toInstant(),
                    ZoneOffset.UTC));
    assertThat(response.header("last-modified")).contains(modified);
  }

  @Test
  void head_answers_the_headers_of_get_without_the_body() {
    TestResponse response = head("/file");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-length")).contains(Integer.toString(README.length));
    assertThat(response.header("etag")).isEqualTo(get("/file").header("etag"));
    assertThat(response.body()).isEmpty();
  }

  @Test
  void a_large_file_arrives_byte_exact() {
    TestResponse response = get("/big");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-length")).contains(Integer.toString(FileRoutes.BIG_SIZE));
    assertThat(response.header("content-type")).contains("application/octet-stream");
    assertThat(Arrays.equals(response.body(), FileRoutes.bigBytes())).isTrue();
  }

  @Test
  void the_media_type_comes_from_the_name_or_the_handler() {
    assertThat(get("/csv").header("content-type")).contains("text/csv; charset=utf-8");
    assertThat(get("/static/style.css").header("content-type")).contains("text/css; charset=utf-8");
    assertThat(get("/static/index.html").header("content-type"))
        .contains("text/html; charset=utf-8");
  }

  @Test
  void a_filename_makes_it_a_download_quoted_or_percent_encoded() {
    assertThat(get("/report").header("content-disposition"))
        .contains("attachment; filename=\"report.txt\"");
    TestResponse download = get("/download");
    assertThat(download.header("content-disposition"))
        .contains("attachment; filename*=utf-8''%E4%BD%A0%E5%A5%BD.txt");
    assertThat(download.header("content-type")).contains("text/plain; charset=utf-8");
    assertThat(download.body()).isEqualTo(README);
  }

  @Test
  void a_missing_file_is_a_server_error() {
    TestResponse response = get("/missing");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).doesNotContain("no-such-file");
  }

  // ---- ranges

  @Test
  void a_range_is_206_with_its_bytes_and_content_range() {
    TestResponse response = get("/file", "range", "bytes=0-99");
    assertThat(response.status()).isEqualTo(206);
    assertThat(response.header("content-range")).contains("bytes 0-99/" + README.length);
    assertThat(response.header("content-length")).contains("100");
    assertThat(response.body()).isEqualTo(slice(README, 0, 100));
  }

  @Test
  void a_suffix_range_is_the_last_bytes() {
    TestResponse response = get("/file", "range", "bytes=-50");
    assertThat(response.status()).isEqualTo(206);
    int size = README.length;
    assertThat(response.header("content-range"))
        .contains("bytes " + (size - 50) + "-" + (size - 1) + "/" + size);
    assertThat(response.body()).isEqualTo(slice(README, size - 50, size));
  }

  @Test
  void an_open_range_runs_to_the_end_and_a_last_byte_beyond_it_is_the_end() {
    int size = README.length;
    TestResponse open = get("/file", "range", "bytes=500-");
    assertThat(open.status()).isEqualTo(206);
    assertThat(open.header("content-range")).contains("bytes 500-" + (size - 1) + "/" + size);
    assertThat(open.body()).isEqualTo(slice(README, 500, size));

    TestResponse beyond = get("/file", "range", "bytes=10-999999");
    assertThat(beyond.header("content-range")).contains("bytes 10-" + (size - 1) + "/" + size);
    assertThat(beyond.body()).isEqualTo(slice(README, 10, size));
  }

  @Test
  void a_range_of_a_large_file_is_exact() {
    byte[] big = FileRoutes.bigBytes();
    TestResponse response = get("/big", "range", "bytes=1000000-2999999");
    assertThat(response.status()).isEqualTo(206);
    assertThat(response.header("content-length")).contains("2000000");
    assertThat(Arrays.equals(response.body(), slice(big, 1_000_000, 3_000_000))).isTrue();
  }

  @Test
  void several_ranges_are_a_multipart_byteranges_body() {
    TestResponse response = get("/file", "range", "bytes=20-29, 0-9");
    assertThat(response.status()).isEqualTo(206);
    String type = response.header("content-type").orElseThrow();
    assertThat(type).startsWith("multipart/byteranges; boundary=");
    String boundary = type.substring(type.indexOf("boundary=") + 9);
    int size = README.length;
    String expected =
        "--"
            + boundary
            + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Range: bytes 0-9/"
            + size
            + "\r\n\r\n"
            + new String(slice(README, 0, 10), StandardCharsets.ISO_8859_1)
            + "\r\n--"
            + boundary
            + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Range: bytes 20-29/"
            + size
            + "\r\n\r\n"
            + new String(slice(README, 20, 30), StandardCharsets.ISO_8859_1)
            + "\r\n--"
            + boundary
            + "--\r\n";
    assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).isEqualTo(expected);
    assertThat(response.header("content-length"))
        .contains(Integer.toString(response.body().length));
    assertThat(response.header("content-range")).isEmpty();
  }

  @Test
  void overlapping_ranges_are_merged_into_one() {
    TestResponse response = get("/file", "range", "bytes=0-100, 50-200");
    assertThat(response.status()).isEqualTo(206);
    assertThat(response.header("content-range")).contains("bytes 0-200/" + README.length);
    assertThat(response.body()).isEqualTo(slice(README, 0, 201));
  }

  @Test
  void a_range_past_the_end_is_416_with_the_size() {
    TestResponse response = get("/file", "range", "bytes=" + README.length + "-");
    assertThat(response.status()).isEqualTo(416);
    assertThat(response.header("content-range")).contains("bytes */" + README.length);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void a_malformed_range_is_400_with_starlettes_message() {
    TestResponse items = get("/file", "range", "items=0-100");
    assertThat(items.status()).isEqualTo(400);
    assertThat(items.text()).isEqualTo("Only support bytes range");
    assertThat(get("/file", "range", "bytes=").text())
        .isEqualTo("Range header: range must be requested");
    assertThat(get("/file", "range", "bytes=100-0").text())
        .isEqualTo("Range header: start must be less than end");
  }

  @Test
  void head_of_a_range_has_its_length_and_no_body() {
    TestResponse response = head("/file", "range", "bytes=0-100");
    assertThat(response.status()).isEqualTo(206);
    assertThat(response.header("content-length")).contains("101");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void a_range_is_for_get_and_head_only() {
    TestResponse response = client().request("POST", "/file").header("range", "bytes=0-9").send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(README);
  }

  @Test
  void if_range_sends_the_range_only_for_the_current_validator() {
    TestResponse whole = get("/file");
    String etag = whole.header("etag").orElseThrow();
    String modified = whole.header("last-modified").orElseThrow();
    assertThat(get("/file", "range", "bytes=0-4", "if-range", etag).status()).isEqualTo(206);
    assertThat(get("/file", "range", "bytes=0-4", "if-range", modified).status()).isEqualTo(206);
    TestResponse stale = get("/file", "range", "bytes=0-4", "if-range", "\"old\"");
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(README);
  }

  @Test
  void a_handlers_own_etag_is_kept_and_used_for_if_range() {
    TestResponse response = get("/own-etag", "range", "bytes=0-4", "if-range", "\"mine\"");
    assertThat(response.status()).isEqualTo(206);
    assertThat(response.header("etag")).contains("\"mine\"");
    assertThat(response.body()).isEqualTo(slice(README, 0, 5));
  }

  // ---- conditional requests

  @Test
  void a_current_etag_is_304_without_a_body_keeping_the_etag() {
    String etag = get("/file").header("etag").orElseThrow();
    TestResponse response = get("/file", "if-none-match", etag);
    assertThat(response.status()).isEqualTo(304);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("etag")).contains(etag);
    assertThat(get("/file", "if-none-match", "W/" + etag + ", \"123\"").status()).isEqualTo(304);
  }

  @Test
  void another_etag_is_the_whole_file() {
    TestResponse response = get("/file", "if-none-match", "\"other\"");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(README);
  }

  @Test
  void if_modified_since_at_or_after_the_files_time_is_304_before_it_200() {
    String modified = get("/file").header("last-modified").orElseThrow();
    assertThat(get("/file", "if-modified-since", modified).status()).isEqualTo(304);
    assertThat(get("/file", "if-modified-since", "Thu, 20 Feb 2012 15:30:19 GMT").status())
        .isEqualTo(200);
    assertThat(get("/file", "if-modified-since", "not a date").status()).isEqualTo(200);
  }

  // ---- StaticFiles

  @Test
  void a_static_file_is_served_under_the_mount() {
    TestResponse response = get("/static/hello.txt");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("Hello, static world");
    assertThat(response.header("content-type")).contains("text/plain; charset=utf-8");
    assertThat(response.header("etag")).isPresent();
    assertThat(response.header("accept-ranges")).contains("bytes");
  }

  @Test
  void a_static_head_has_the_length_and_no_body() {
    TestResponse response = head("/static/hello.txt");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-length")).contains("19");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void a_static_range_and_a_static_304() {
    TestResponse range = get("/static/hello.txt", "range", "bytes=7-12");
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.text()).isEqualTo("static");
    String etag = range.header("etag").orElseThrow();
    TestResponse current = get("/static/hello.txt", "if-none-match", etag);
    assertThat(current.status()).isEqualTo(304);
    assertThat(current.header("etag")).contains(etag);
    assertThat(current.header("last-modified")).isEmpty(); // Starlette's 304 keeps few headers
    assertThat(current.body()).isEmpty();
  }

  @Test
  void other_methods_are_405_as_fastapi_answers() {
    for (String method : new String[] {"POST", "PUT", "DELETE"}) {
      TestResponse response = client().request(method, "/static/hello.txt").send();
      assertThat(response.status()).as(method).isEqualTo(405);
      assertThat(response.text()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
    }
  }

  @Test
  void a_missing_file_or_a_directory_is_404_as_fastapi_answers() {
    for (String target :
        new String[] {"/static/nope.txt", "/static/", "/static/sub", "/static/sub/"}) {
      TestResponse response = get(target);
      assertThat(response.status()).as(target).isEqualTo(404);
      assertThat(response.text()).isEqualTo("{\"detail\":\"Not Found\"}");
      assertThat(response.header("content-type")).contains("application/json");
    }
  }

  @Test
  void the_mounts_own_path_is_redirected_to_its_directory() {
    TestResponse response = get("/static?x=1");
    assertThat(response.status()).isEqualTo(307);
    assertThat(response.header("location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/static/?x=1"));
  }

  @Test
  void html_mode_serves_index_html_for_a_directory() {
    TestResponse root = get("/site/");
    assertThat(root.status()).isEqualTo(200);
    assertThat(root.text()).isEqualTo("<h1>Home</h1>");
    assertThat(root.header("content-type")).contains("text/html; charset=utf-8");
    assertThat(get("/site/sub/").text()).isEqualTo("<h1>Sub</h1>");
  }

  @Test
  void html_mode_redirects_a_directory_to_its_slash_path() {
    TestResponse response = get("/site/sub?q=1");
    assertThat(response.status()).isEqualTo(307);
    assertThat(response.header("location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/site/sub/?q=1"));
  }

  @Test
  void html_mode_answers_a_missing_page_with_404_html() {
    for (String target : new String[] {"/site/nope.html", "/site/empty/"}) {
      TestResponse response = get(target);
      assertThat(response.status()).as(target).isEqualTo(404);
      assertThat(response.text()).isEqualTo("<h1>No such page</h1>");
      assertThat(response.header("content-type")).contains("text/html; charset=utf-8");
    }
  }

  @Test
  void a_link_inside_the_directory_is_served_one_leading_out_is_not() {
    assertThat(get("/static/link-in.txt").text()).isEqualTo("Hello, static world");
    for (String target : new String[] {"/static/link-out.txt", "/static/dir-out/secret.txt"}) {
      TestResponse response = get(target);
      assertThat(response.status()).as(target).isEqualTo(404);
      assertThat(response.text()).doesNotContain("TOP-SECRET");
    }
  }

  @Test
  void following_links_is_a_choice_that_still_keeps_dot_dot_in() {
    assertThat(get("/follow/link-out.txt").text()).isEqualTo("TOP-SECRET");
    assertThat(get("/follow/dir-out/secret.txt").text()).isEqualTo("TOP-SECRET");
    assertThat(get("/follow/..%2foutside%2fsecret.txt").status()).isEqualTo(404);
  }

  @Test
  void encoded_climbs_backslashes_and_nul_never_leave_the_directory() {
    for (String target :
        new String[] {
          "/static/..%2foutside%2fsecret.txt",
          "/static/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
          "/static/%2e%2e/outside/secret.txt",
          "/static/sub/..%2f..%2foutside/secret.txt",
          "/static/..%5coutside%5csecret.txt",
          "/static/hello.txt%00.png",
          "/static/%2fetc%2fpasswd",
          "/static/..%252foutside%252fsecret.txt",
          "/site/..%2foutside%2fsecret.txt",
        }) {
      TestResponse response = get(target);
      assertThat(response.status()).as(target).isEqualTo(404);
      assertThat(response.text()).as(target).doesNotContain("TOP-SECRET").doesNotContain("root:");
    }
  }

  @Test
  void a_route_of_the_app_wins_over_the_mount() {
    assertThat(get("/static/override").text()).isEqualTo("\"a route wins over the mount\"");
  }

  @Test
  void mounts_are_not_in_the_openapi_document() {
    String document = get("/openapi.json").text();
    assertThat(document)
        .contains("/static/override")
        .doesNotContain("/site")
        .doesNotContain("/follow");
  }
}
