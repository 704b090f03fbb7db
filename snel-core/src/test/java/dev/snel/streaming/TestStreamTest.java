package dev.snel.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.BackgroundTasks;
import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Response;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code TestClient}'s streaming call in process: the body is read as the app writes it. */
class TestStreamTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();
  static final CountDownLatch SECOND_LINE = new CountDownLatch(1);

  @BeforeEach
  void clear() {
    LOG.clear();
  }

  public static final class Model {
    public static String open(Scope scope) {
      scope.defer(failure -> LOG.add(failure == null ? "model closed" : "model cancelled"));
      return "model";
    }
  }

  public static final class Routes {
    /** The second line is only written once the test has read the first. */
    @Get("/handshake")
    public Response handshake() {
      return Response.stream(
          Response.TEXT,
          out -> {
            out.write("first\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (!SECOND_LINE.await(10, TimeUnit.SECONDS)) {
              throw new IllegalStateException("the test never read the first line");
            }
            out.write("second\n".getBytes(StandardCharsets.UTF_8));
          });
    }

    @Get("/tokens")
    public Response tokens(@Depends(Model.class) String model, BackgroundTasks tasks) {
      tasks.add(() -> LOG.add("task"));
      return Response.stream(
          Response.TEXT,
          out -> {
            try {
              for (int i = 0; ; i++) {
                out.write(("token " + i + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(1);
              }
            } catch (InterruptedException | IOException e) {
              LOG.add("writer stopped");
              throw e;
            }
          });
    }

    @Get("/broken")
    public Response broken() {
      return Response.stream(
          Response.TEXT,
          out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("model went away");
          });
    }

    @Get("/plain")
    public String plain() {
      return "not streamed";
    }
  }

  private final Snel app = Snel.create().include(new Routes());

  @Test
  void theTestReadsEachPartAsSoonAsItIsWritten() {
    try (TestClient client = TestClient.of(app);
        TestStream stream = client.request("GET", "/handshake").stream()) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.header("content-type")).contains(Response.TEXT);
      Iterator<String> lines = stream.lines().iterator();
      assertThat(lines.next()).isEqualTo("first");
      SECOND_LINE.countDown();
      assertThat(lines.next()).isEqualTo("second");
      assertThat(lines.hasNext()).isFalse();
    }
  }

  @Test
  void closingTheStreamStopsTheWriterThenTheScopeEndsAndTheTasksRun() {
    try (TestClient client = TestClient.of(app)) {
      try (TestStream stream = client.request("GET", "/tokens").stream()) {
        assertThat(stream.lines().limit(3)).containsExactly("token 0", "token 1", "token 2");
      }
      // a request that failed runs no background tasks, as in FastAPI
      assertThat(LOG).containsExactly("writer stopped", "model cancelled");
    }
  }

  @Test
  void aWriterThatFailsMakesTheReadAfterItsBytesThrow() throws IOException {
    try (TestClient client = TestClient.of(app);
        TestStream stream = client.request("GET", "/broken").stream()) {
      InputStream body = stream.body();
      assertThat(new String(body.readNBytes(7), StandardCharsets.UTF_8)).isEqualTo("partial");
      assertThatThrownBy(body::read)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("model went away");
    }
  }

  @Test
  void aBodyThatIsNotStreamedReadsTheSame() {
    try (TestClient client = TestClient.of(app);
        TestStream stream = client.request("GET", "/plain").stream()) {
      assertThat(stream.text()).isEqualTo("\"not streamed\"");
    }
  }
}
