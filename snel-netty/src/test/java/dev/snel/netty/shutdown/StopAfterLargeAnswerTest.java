package dev.snel.netty.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.netty.Raw;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A graceful stop must not cut an answer the server has finished writing but the socket has not
 * taken yet: a client reading a large answer slowly gets all of it.
 */
class StopAfterLargeAnswerTest {
  private static final int SIZE = 48 << 20; // more than loopback's socket buffers hold

  /** One large answer. */
  public static final class Routes {
    private final byte[] body = new byte[SIZE];

    Routes() {
      Arrays.fill(body, (byte) 'x');
    }

    @Get("/large")
    public Response large() {
      return Response.bytes(body, "application/octet-stream");
    }
  }

  @Test
  void a_stop_while_a_large_answer_waits_in_the_servers_buffer_lets_the_client_read_all_of_it()
      throws Exception {
    SnelServer server =
        SnelServer.start(
            Snel.create().include(new Routes()),
            ServerConfig.defaults().port(0).shutdownTimeout(Duration.ofSeconds(30)));
    int port = server.port();
    try (Raw raw = Raw.open(port)) {
      raw.socket().setReceiveBufferSize(64 * 1024);
      raw.send(Raw.get("/large"));
      InputStream in = raw.socket().getInputStream();
      byte[] first = new byte[1];
      assertThat(in.read(first)).isEqualTo(1); // the answer is being written
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
      awaitRefused(port); // the stop has begun: it drains the open connections next
      Thread.sleep(200); // and the drain's task on the event loop has run
      long received = 1 + in.transferTo(OutputStream.nullOutputStream()); // until the close
      assertThat(received).isGreaterThan(SIZE); // the head and the whole body
      stopping.get(30, TimeUnit.SECONDS);
    } finally {
      server.stop();
    }
  }

  private static void awaitRefused(int port) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        Thread.sleep(5);
      } catch (IOException refused) {
        return;
      }
    }
    throw new AssertionError("the server kept accepting");
  }
}
