package dev.snel.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.NonBlocking;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a connection's requests pass through: plain requests neither the upload streamer nor the
 * WebSocket handshake; each joins the pipeline with the first request that needs it.
 */
class ChannelSetupTest {
  /** The routes; none reads its body (they run on the test's thread). */
  public static class Routes {
    @NonBlocking
    @Get("/hello")
    public String hello() {
      return "hi";
    }

    @NonBlocking
    @Post("/hello")
    public String posted() {
      return "posted";
    }
  }

  private final Embedded connection =
      Embedded.open(Snel.create().include(new Routes()), ServerConfig.defaults());

  @AfterEach
  void close() {
    connection.finishAndReleaseAll();
  }

  @Test
  void plain_requests_pass_neither_the_upload_streamer_nor_the_websocket_handshake() {
    assertThat(connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n"))
        .contains("\r\n\r\n\"hi\"");
    String json = "{\"a\":1}";
    assertThat(
            connection.send(
                "POST /hello HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    + "Content-Length: "
                    + json.length()
                    + "\r\n\r\n"
                    + json))
        .contains("\"posted\"");

    assertThat(connection.pipeline().get(UploadStreams.class)).isNull();
    assertThat(connection.pipeline().get(WebSocketUpgrade.class)).isNull();
  }

  @Test
  void a_connections_first_multipart_request_adds_the_upload_streamer_before_the_aggregator() {
    assertThat(connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")).contains("\"hi\"");
    List<Object> seen = new ArrayList<>(); // by Snel's handler: the request, and the pipeline
    connection
        .pipeline()
        .addBefore(
            "snel",
            "probe",
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                seen.add(msg.getClass());
                seen.add(ctx.pipeline().names());
                ctx.fireChannelRead(msg);
              }
            });
    String body = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--\r\n";

    String answer =
        connection.send(
            "POST /hello HTTP/1.1\r\nHost: t\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                + "Content-Length: "
                + body.length()
                + "\r\n\r\n"
                + body);

    assertThat(answer).contains("\"posted\"");
    assertThat(seen).hasSize(2).first().isEqualTo(UploadStreams.StreamedRequest.class);
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) seen.get(1);
    assertThat(names).containsSubsequence("idle", "uploads", "body").doesNotContain("websocket");
  }

  @Test
  void a_connections_first_upgrade_request_adds_the_websocket_handshake_before_snel() {
    String answer =
        connection.send(
            "GET /hello HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"hi\""); // no WebSocket route there
    assertThat(connection.pipeline().names()).containsSubsequence("body", "websocket", "snel");
    assertThat(connection.pipeline().get(UploadStreams.class)).isNull();
  }
}
