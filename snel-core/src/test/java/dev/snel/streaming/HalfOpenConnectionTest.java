package dev.snel.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.Depends;
import dev.snel.EventStream;
import dev.snel.Get;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Scope;
import dev.snel.Snel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A connection that died without closing is found by the next ping: the write fails, the blocked
 * producer is interrupted, the stream's close actions and the request's cleanups run. (The server
 * interrupts the producer itself when it sees the connection close; this is the case it cannot
 * see.)
 */
class HalfOpenConnectionTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();
  static final CountDownLatch NEVER = new CountDownLatch(1);

  public static final class Session {
    public static String open(Scope scope) {
      scope.defer(failure -> LOG.add("session closed"));
      return "session";
    }
  }

  public static final class Routes {
    @Get("/waits")
    public EventStream<String> waits(@Depends(Session.class) String session) {
      return EventStream.<String>generate(
              sink -> {
                sink.send("first");
                try {
                  NEVER.await(); // a model that has nothing to say for a long time
                } catch (InterruptedException e) {
                  LOG.add("producer interrupted");
                  throw e;
                }
              })
          .pingEvery(Duration.ofMillis(20))
          .onClose(() -> LOG.add("stream closed"));
    }
  }

  /** Takes the first event, then fails every write, as a socket whose peer vanished. */
  static final class DeadAfterFirstFrame extends OutputStream {
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    boolean dead;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (dead) {
        throw new IOException("connection reset");
      }
      received.write(bytes, offset, length);
    }

    @Override
    public void flush() {
      dead = received.toString(StandardCharsets.UTF_8).contains("data: ");
    }
  }

  @Test
  @Timeout(10)
  void aFailedPingStopsTheBlockedProducerAndEverythingCloses() throws Exception {
    Snel app = Snel.create().include(new Routes());
    Response response =
        app.handle(Request.builder("GET", "/waits").build()).get(5, TimeUnit.SECONDS);
    DeadAfterFirstFrame connection = new DeadAfterFirstFrame();

    // without the ping the producer would wait forever; the timeout is only a generous deadline
    assertThatThrownBy(() -> response.bodyWriter().writeTo(connection))
        .isInstanceOf(IOException.class);

    assertThat(connection.received.toString(StandardCharsets.UTF_8).replace(": ping\n\n", ""))
        .isEqualTo("data: \"first\"\n\n");
    assertThat(LOG).containsExactly("producer interrupted", "stream closed", "session closed");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }
}
