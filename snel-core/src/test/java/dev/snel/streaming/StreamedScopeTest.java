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
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A streamed response ends its request scope when the stream ends: the dependency's session is open
 * while the body is written, and closed after it, then the background tasks run.
 */
class StreamedScopeTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    LOG.clear();
  }

  /** A session closed with the request's scope; it refuses to be used after. */
  public static final class Session {
    private volatile boolean open = true;

    String row(int i) {
      if (!open) {
        throw new IllegalStateException("session closed");
      }
      LOG.add("row " + i);
      return "row " + i + "\n";
    }
  }

  public static final class OpenSession {
    public static Session open(Scope scope) {
      Session session = new Session();
      LOG.add("open");
      scope.defer(
          failure -> {
            session.open = false;
            LOG.add(failure == null ? "commit" : "rollback: " + failure.getMessage());
          });
      return session;
    }
  }

  public static final class Routes {
    @Get("/rows")
    public Response rows(@Depends(OpenSession.class) Session session, BackgroundTasks tasks) {
      tasks.add(() -> LOG.add("task"));
      return Response.stream(
          Stream.of(0, 1, 2).map(session::row).onClose(() -> LOG.add("stream closed")),
          Response.TEXT);
    }

    @Get("/broken")
    public Response broken(@Depends(OpenSession.class) Session session) {
      return Response.stream(
          Response.TEXT,
          out -> {
            out.write(session.row(0).getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("model went away");
          });
    }
  }

  private final Snel app = Snel.create().include(new Routes());

  @Test
  void theSessionIsOpenWhileTheBodyIsWrittenAndClosedAfterThenTheTasksRun() {
    try (TestClient client = TestClient.of(app)) {
      TestResponse response = client.get("/rows");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.text()).isEqualTo("row 0\nrow 1\nrow 2\n");
      assertThat(response.headers().contains("content-length")).isFalse();
      assertThat(LOG)
          .containsExactly("open", "row 0", "row 1", "row 2", "stream closed", "commit", "task");
    }
  }

  @Test
  void aHeadRequestRunsNoWriterButStillEndsTheScopeAndClosesTheStream() {
    try (TestClient client = TestClient.of(app)) {
      TestResponse response = client.head("/rows");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.text()).isEmpty();
      assertThat(LOG).containsExactly("open", "stream closed", "commit", "task");
    }
  }

  @Test
  void aWriterThatFailsRollsBackAndTheTestSeesTheFailure() {
    try (TestClient client = TestClient.of(app)) {
      assertThatThrownBy(() -> client.get("/broken"))
          .hasMessageContaining("the streamed body failed after 6 bytes")
          .hasMessageContaining("model went away");
      assertThat(LOG).containsExactly("open", "row 0", "rollback: model went away");
    }
  }
}
