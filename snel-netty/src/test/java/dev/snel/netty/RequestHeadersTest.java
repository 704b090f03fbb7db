package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Request;
import dev.snel.Snel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The app sees the headers the client sent, no more: none the server's decoding adds. */
class RequestHeadersTest {

  public static class Echo {
    @Get("/headers")
    public List<String> names(Request request) {
      List<String> names = new ArrayList<>();
      request.headers().forEach((name, value) -> names.add(name + "=" + value));
      return names;
    }

    @Post("/headers")
    public List<String> posted(Request request) {
      return names(request);
    }
  }

  @AutoClose
  private static final SnelServer server =
      SnelServer.start(Snel.create().include(new Echo()), ServerConfig.defaults().port(0));

  @Test
  void a_get_without_a_body_has_no_content_length() throws Exception {
    String answer;
    try (Raw raw = Raw.open(server.baseUri().getPort())) {
      answer =
          raw.send("GET /headers HTTP/1.1\r\nHost: x\r\nX-One: 1\r\nConnection: close\r\n\r\n")
              .read()
              .body();
    }
    assertThat(answer).contains("[\"host=x\",\"x-one=1\",\"connection=close\"]");
  }

  @Test
  void a_clients_content_length_is_kept() throws Exception {
    String answer;
    try (Raw raw = Raw.open(server.baseUri().getPort())) {
      answer =
          raw.send(
                  "POST /headers HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                      + "Connection: close\r\n\r\nab")
              .read()
              .body();
    }
    assertThat(answer).contains("[\"host=x\",\"content-length=2\",\"connection=close\"]");
  }

  @Test
  void a_chunked_body_arrives_with_its_length_instead_of_its_coding() throws Exception {
    String answer;
    try (Raw raw = Raw.open(server.baseUri().getPort())) {
      answer =
          raw.send(
                  "POST /headers HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                      + "Connection: close\r\n\r\n2\r\nab\r\n0\r\n\r\n")
              .read()
              .body();
    }
    assertThat(answer).contains("\"content-length=2\"").doesNotContain("transfer-encoding");
  }

  @Test
  void pipelined_requests_with_and_without_a_body_each_keep_their_own_headers() throws Exception {
    String answers;
    try (Raw raw = Raw.open(server.baseUri().getPort())) {
      raw.send(
          "POST /headers HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nab"
              + "GET /headers HTTP/1.1\r\nHost: y\r\nConnection: close\r\n\r\n");
      answers = raw.read().body() + raw.read().body();
    }
    assertThat(answers)
        .isEqualTo("[\"host=x\",\"content-length=2\"][\"host=y\",\"connection=close\"]");
  }
}
