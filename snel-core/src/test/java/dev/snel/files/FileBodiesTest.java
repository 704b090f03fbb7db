package dev.snel.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.StaticFiles;
import dev.snel.internal.http.FileSink;
import dev.snel.middleware.GZip;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the app hands the server for a file: file regions (which the Netty server sends as a {@code
 * FileRegion}, never through the heap), for the whole file, a range, or a static file; and a shared
 * file response is never changed by answering a request with it.
 */
class FileBodiesTest {
  @TempDir static Path dir;
  static Path file;
  static Response shared;

  public static final class Routes {
    @Get("/file")
    public Response file() {
      return shared;
    }
  }

  @BeforeAll
  static void files() throws Exception {
    file = dir.resolve("data.bin");
    Files.write(file, new byte[1000]);
    shared = Response.file(file);
  }

  /** A server's output that sends file regions itself; records them. */
  static final class Sink extends ByteArrayOutputStream implements FileSink {
    final List<String> regions = new ArrayList<>();

    @Override
    public boolean transferFile(Path path, long offset, long length) {
      regions.add(path.getFileName() + " " + offset + "+" + length);
      return true;
    }
  }

  /** What the body writer hands a server that sends files itself. */
  private static Sink written(Response response) throws Exception {
    Sink sink = new Sink();
    Objects.requireNonNull(response.bodyWriter()).writeTo(sink);
    return sink;
  }

  private static Response answer(Snel app, Request request) throws Exception {
    return app.handle(request).get(10, TimeUnit.SECONDS);
  }

  private static Snel app() {
    return Snel.create().include(new Routes()).mount("/static", StaticFiles.of(dir));
  }

  @Test
  void the_whole_file_is_one_file_region() throws Exception {
    Response response = answer(app(), Request.builder("GET", "/file").build());
    Sink sink = written(response);
    assertThat(sink.regions).containsExactly("data.bin 0+1000");
    assertThat(sink.size()).isZero();
    assertThat(response.headers().first("content-length")).contains("1000");
  }

  @Test
  void a_range_is_a_region_of_the_file() throws Exception {
    Response response =
        answer(app(), Request.builder("GET", "/file").header("range", "bytes=10-14").build());
    assertThat(response.status()).isEqualTo(206);
    assertThat(written(response).regions).containsExactly("data.bin 10+5");
  }

  @Test
  void a_static_file_is_a_file_region() throws Exception {
    Response response = answer(app(), Request.builder("GET", "/static/data.bin").build());
    assertThat(written(response).regions).containsExactly("data.bin 0+1000");
  }

  @Test
  void several_ranges_are_regions_between_part_headers() throws Exception {
    Response response =
        answer(app(), Request.builder("GET", "/file").header("range", "bytes=0-1,5-9").build());
    Sink sink = written(response);
    assertThat(sink.regions).containsExactly("data.bin 0+2", "data.bin 5+5");
    assertThat(sink.toString(StandardCharsets.ISO_8859_1))
        .contains("Content-Range: bytes 5-9/1000");
  }

  @Test
  void behind_middleware_files_are_answered_for_their_request_too() throws Exception {
    Snel app =
        app()
            .middleware((request, next) -> next.proceed(request).header("x-seen", "yes"))
            .middleware(GZip.create());
    Request range = Request.builder("GET", "/file").header("range", "bytes=10-14").build();
    Response routed = answer(app, range);
    assertThat(routed.status()).isEqualTo(206);
    assertThat(routed.headers().first("x-seen")).contains("yes");
    assertThat(written(routed).regions).containsExactly("data.bin 10+5");
    Response mounted =
        answer(
            app,
            Request.builder("GET", "/static/data.bin")
                .header("range", "bytes=10-14")
                .header("accept-encoding", "gzip")
                .build());
    assertThat(mounted.status()).isEqualTo(206);
    assertThat(mounted.headers().first("content-encoding")).isEmpty();
    assertThat(written(mounted).regions).containsExactly("data.bin 10+5");
  }

  @Test
  void answering_a_range_leaves_the_handlers_shared_response_as_it_was() throws Exception {
    answer(app(), Request.builder("GET", "/file").header("range", "bytes=10-14").build());
    answer(app(), Request.builder("GET", "/file").header("if-none-match", "*").build());
    assertThat(shared.status()).isEqualTo(200);
    assertThat(shared.headers().names()).containsExactly("content-type");
    assertThat(answer(app(), Request.builder("GET", "/file").build()).status()).isEqualTo(200);
  }
}
