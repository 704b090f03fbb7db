package dev.snel.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.ResponseModel;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cleanups: FastAPI's code after {@code yield}. They run in reverse order after the response is
 * made, see the failure, and never lose a response.
 */
class CleanupTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    LOG.clear();
  }

  /** A session whose end the test observes; committed or rolled back by what happened. */
  public static final class Session {
    public static String open(Scope scope) {
      LOG.add("open session");
      scope.defer(
          failure -> LOG.add(failure == null ? "commit" : "rollback: " + failure.getMessage()));
      return "session";
    }
  }

  /** An AutoCloseable value: closed with the request. */
  public static final class Resource implements AutoCloseable {
    @Override
    public void close() {
      LOG.add("close resource");
    }
  }

  public static final class OpenResource {
    public static Resource open(@Depends(Session.class) String session) {
      LOG.add("open resource");
      return new Resource();
    }
  }

  /** A result the response model cannot encode: the encoder fails after the handler returned. */
  public record Strict(String name) {}

  public static final class FailingCleanup {
    public static String open(Scope scope) {
      scope.defer(
          failure -> {
            LOG.add("failing cleanup saw " + (failure == null ? "nothing" : failure.getMessage()));
            throw new HttpException(409, "commit failed");
          });
      return "x";
    }
  }

  /** A session that is AutoCloseable and also commits in a cleanup of its own. */
  public static final class Transaction implements AutoCloseable {
    private boolean closed;

    @Override
    public void close() {
      closed = true;
      LOG.add("close transaction");
    }
  }

  public static final class BeginTransaction {
    public static Transaction begin(Scope scope) {
      Transaction transaction = new Transaction();
      scope.defer(failure -> LOG.add(transaction.closed ? "commit on a closed session" : "commit"));
      return transaction;
    }
  }

  public static class Routes {
    @Get("/transaction")
    public String transaction(@Depends(BeginTransaction.class) Transaction transaction) {
      return "done";
    }

    @Get("/ok")
    public String ok(@Depends(OpenResource.class) Resource resource) {
      LOG.add("handler");
      return "fine";
    }

    @Get("/fails")
    public String fails(@Depends(OpenResource.class) Resource resource) {
      LOG.add("handler");
      throw new HttpException(400, "bad item");
    }

    @Get("/unencodable")
    @ResponseModel(Strict.class)
    public Object unencodable(@Depends(Session.class) String session) {
      return Map.of("other", 1);
    }

    @Get("/commit-fails")
    public String commitFails(
        @Depends(Session.class) String session, @Depends(FailingCleanup.class) String x) {
      return "told success";
    }

    @Get("/both-fail")
    public String bothFail(@Depends(FailingCleanup.class) String x) {
      throw new HttpException(400, "handler failed first");
    }
  }

  private final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @Test
  void cleanups_run_in_reverse_order_after_the_handler() {
    TestResponse response = client.get("/ok");
    assertThat(response.status()).isEqualTo(200);
    assertThat(LOG)
        .containsExactly("open session", "open resource", "handler", "close resource", "commit");
  }

  @Test
  void an_autocloseable_value_is_closed_after_the_cleanups_its_own_dependency_registered() {
    assertThat(client.get("/transaction").status()).isEqualTo(200);
    assertThat(LOG).containsExactly("commit", "close transaction");
  }

  @Test
  void a_failing_handler_is_seen_by_the_cleanups_and_still_answered() {
    TestResponse response = client.get("/fails");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asText()).isEqualTo("bad item");
    assertThat(LOG)
        .containsExactly(
            "open session",
            "open resource",
            "handler",
            "close resource",
            "rollback: 400: bad item");
  }

  @Test
  void a_failing_encoder_rolls_back_and_answers_500() {
    TestResponse response = client.get("/unencodable");
    assertThat(response.status()).isEqualTo(500);
    assertThat(LOG).hasSize(2);
    assertThat(LOG.get(1)).startsWith("rollback: ");
  }

  @Test
  void a_cleanup_failing_after_success_replaces_the_response_and_later_cleanups_see_it() {
    TestResponse response = client.get("/commit-fails");
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("detail").asText()).isEqualTo("commit failed");
    assertThat(LOG)
        .containsExactly(
            "open session", "failing cleanup saw nothing", "rollback: 409: commit failed");
  }

  @Test
  void a_cleanup_failing_after_a_failure_keeps_the_first_failures_answer() {
    TestResponse response = client.get("/both-fail");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asText()).isEqualTo("handler failed first");
    assertThat(LOG).containsExactly("failing cleanup saw 400: handler failed first");
  }

  @Test
  void a_request_that_fails_validation_still_runs_the_cleanups_of_dependencies_that_ran() {
    TestResponse response = client.get("/ok?unused=1");
    assertThat(response.status()).isEqualTo(200);
    LOG.clear();
    Snel app = Snel.create().include(new Validated());
    TestResponse invalid = TestClient.of(app).get("/validated?n=x");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(LOG).hasSize(2);
    assertThat(LOG.get(1)).startsWith("rollback: 1 validation error");
  }

  /** Passes on the resource another dependency made: it must not be closed twice. */
  public static final class PassOn {
    public static Resource get(@Depends(OpenResource.class) Resource resource) {
      return resource;
    }
  }

  public static class Shared {
    @Get("/shared")
    public String shared(@Depends(PassOn.class) Resource resource) {
      return "ok";
    }
  }

  @Test
  void a_value_two_dependencies_return_is_closed_once() {
    TestResponse response = TestClient.of(Snel.create().include(new Shared())).get("/shared");
    assertThat(response.status()).isEqualTo(200);
    assertThat(LOG).containsExactly("open session", "open resource", "close resource", "commit");
  }

  public static class Validated {
    @Get("/validated")
    public String validated(int n, @Depends(Session.class) String session) {
      return "no";
    }
  }
}
