package dev.snel.examples.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The example's token stream over the real server, read by Java's HTTP client as a browser's
 * EventSource reads it: tokens arrive while the model still generates, and a client that leaves
 * stops the model.
 */
class TokenStreamsServerTest {
  private final FakeModel model = new FakeModel();
  private final SnelServer server =
      SnelServer.start(
          Snel.create().include(new TokenStreams(model)), ServerConfig.defaults().port(0));

  @AfterEach
  void stop() {
    server.stop();
  }

  private URI uri(String target) {
    return URI.create("http://127.0.0.1:" + server.port() + target);
  }

  @Test
  void the_first_token_arrives_before_the_model_has_produced_the_last() throws Exception {
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri("/stream/words?text=one%20two&delay_ms=60000")).build(),
                HttpResponse.BodyHandlers.ofLines());

    assertThat(response.headers().firstValue("content-type"))
        .contains("text/event-stream; charset=utf-8");
    assertThat(response.headers().firstValue("content-length")).isEmpty();
    try (Stream<String> body = response.body()) {
      Iterator<String> lines = body.iterator();
      assertThat(lines.next()).isEqualTo("data: {\"token\":\"one\"}");
      // "two" is a minute away: the first event did not wait for it
      assertThat(model.tokensGenerated()).isEqualTo(1);
      assertThat(model.running()).isEqualTo(1);
    }
  }

  @Test
  void a_client_that_leaves_stops_the_model_within_a_second() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /stream/words?text=one%20two%20three&delay_ms=60000 HTTP/1.1\r\nHost: x\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String line = in.readLine();
      while (line != null && !line.startsWith("data:")) {
        line = in.readLine();
      }
      assertThat(line).isEqualTo("data: {\"token\":\"one\"}");
      assertThat(model.running()).isEqualTo(1);
    } // the browser tab closes

    long deadline = System.nanoTime() + 1_000_000_000L;
    while (model.running() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(model.running()).isZero();
    assertThat(model.tokensGenerated()).isEqualTo(1);
  }

  @Test
  void lines_stream_over_the_server() throws Exception {
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri("/stream/lines?count=3")).build(),
                HttpResponse.BodyHandlers.ofLines());

    assertThat(response.headers().firstValue("content-type")).contains("application/x-ndjson");
    try (Stream<String> body = response.body()) {
      assertThat(body.toList()).isEqualTo(List.of("{\"n\":0}", "{\"n\":1}", "{\"n\":2}"));
    }
  }
}
