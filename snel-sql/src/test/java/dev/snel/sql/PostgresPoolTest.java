package dev.snel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a pool does when PostgreSQL drops its connections or is too slow for the load. */
class PostgresPoolTest {
  private TestDatabase db;
  private Snel app;
  private Database database;

  @BeforeAll
  static void needsPostgres() {
    TestDatabase.assumeReachable(TestDatabase.POSTGRES, "PostgreSQL");
  }

  /** Routes that hold a connection for a while. */
  public static final class Slow {
    @Get("/sleep")
    public String sleep(double seconds, @Depends(Transaction.class) Handle handle) {
      handle.createQuery("SELECT pg_sleep(:s)").bind("s", seconds).mapTo(String.class).one();
      return "slept";
    }

    @Post("/pairs/{id}")
    public String twice(int id, @Depends(Transaction.class) Handle handle) {
      // the unique constraint is checked at commit, after the handler has returned
      handle.execute("INSERT INTO pairs (id) VALUES (?)", id);
      handle.execute("INSERT INTO pairs (id) VALUES (?)", id);
      return "inserted twice";
    }

    @Get("/backend")
    public int backend(@Depends(Transaction.class) Handle handle) {
      return handle.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
    }
  }

  private void start(DatabaseConfig config) {
    app = Snel.create();
    Sql.install(app, config);
    app.include(new Slow());
    app.start();
    try (Scope scope = app.openScope()) {
      database = scope.get(Database.class);
    }
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (db != null) {
      db.drop();
    }
  }

  @Test
  void pre_ping_replaces_connections_the_server_terminated() throws Exception {
    db = TestDatabase.postgres();
    start(DatabaseConfig.of(db.url()).poolSize(2).maxOverflow(0).prePing(true));
    TestClient client = TestClient.of(app);
    int before = Integer.parseInt(client.get("/backend").text());

    List<Integer> terminated = terminateBackendsOf(db.name);
    assertThat(terminated).contains(before);

    // each borrow now meets a dead connection first; pre-ping evicts it and opens another
    for (int i = 0; i < 3; i++) {
      var response = client.get("/backend");
      assertThat(response.status()).isEqualTo(200);
      assertThat(Integer.parseInt(response.text())).isNotIn(terminated);
    }
    assertThat(database.pool().getActiveConnections()).isZero();
  }

  @Test
  void a_failing_commit_is_answered_500_and_returns_the_connection() {
    db = TestDatabase.postgres();
    start(DatabaseConfig.of(db.url()).poolSize(1).maxOverflow(0));
    database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "CREATE TABLE pairs (id INT, UNIQUE (id) DEFERRABLE INITIALLY DEFERRED)"));
    TestClient client = TestClient.of(app);

    assertThat(client.post("/pairs/1", null).status()).isEqualTo(500);
    assertThat(database.pool().getActiveConnections()).isZero();
    long rows =
        database
            .jdbi()
            .withHandle(h -> h.createQuery("SELECT count(*) FROM pairs").mapTo(Long.class).one());
    assertThat(rows).isZero();
    // the one connection is usable again
    assertThat(client.get("/backend").status()).isEqualTo(200);
  }

  @Test
  void queues_requests_beyond_the_pool_and_answers_the_excess_503_through_the_server()
      throws Exception {
    db = TestDatabase.postgres();
    int pool = 10;
    int requests = 4 * pool;
    start(
        DatabaseConfig.of(db.url()).poolSize(pool).maxOverflow(0).timeout(Duration.ofMillis(500)));
    try (SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0));
        HttpClient http = HttpClient.newHttpClient()) {
      URI uri = server.baseUri().resolve("/sleep?seconds=3");
      ConcurrentLinkedQueue<Integer> completionOrder = new ConcurrentLinkedQueue<>();
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        calls.add(
            http.sendAsync(
                    HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete((r, e) -> completionOrder.add(r == null ? -1 : r.statusCode())));
      }
      AtomicInteger mostWaiting = new AtomicInteger();
      while (!CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).isDone()) {
        mostWaiting.accumulateAndGet(database.pool().getThreadsAwaitingConnection(), Math::max);
        Thread.sleep(2);
      }

      List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
      assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(pool);
      assertThat(responses)
          .filteredOn(r -> r.statusCode() == 503)
          .hasSize(requests - pool)
          .allSatisfy(
              r -> assertThat(r.body()).isEqualTo("{\"detail\":\"Database busy, try again\"}"));
      // the excess was turned away while the slow queries still held every connection
      assertThat(List.copyOf(completionOrder).subList(0, requests - pool)).containsOnly(503);
      assertThat(mostWaiting.get()).isGreaterThan(0);
      assertThat(database.pool().getActiveConnections()).isZero();
      assertThat(database.pool().getThreadsAwaitingConnection()).isZero();
    }
  }

  private static List<Integer> terminateBackendsOf(String applicationName) throws SQLException {
    List<Integer> pids = new ArrayList<>();
    try (Connection admin = DriverManager.getConnection(TestDatabase.POSTGRES);
        PreparedStatement terminate =
            admin.prepareStatement(
                "SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = ?")) {
      terminate.setString(1, applicationName);
      try (ResultSet rows = terminate.executeQuery()) {
        while (rows.next()) {
          pids.add(rows.getInt(1));
        }
      }
      // pg_terminate_backend only signals; wait until the backends are gone
      try (PreparedStatement alive =
          admin.prepareStatement(
              "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
        alive.setString(1, applicationName);
        while (true) {
          try (ResultSet rows = alive.executeQuery()) {
            rows.next();
            if (rows.getInt(1) == 0) {
              break;
            }
          }
          Thread.sleep(10);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return pids;
  }
}
