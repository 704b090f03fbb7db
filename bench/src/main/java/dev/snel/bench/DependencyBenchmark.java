package dev.snel.bench;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.HttpException;
import dev.snel.NonBlocking;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a chain of dependencies costs a request: {@code Snel.handle(Request)} of {@code GET
 * /items/5?q=x} (SnelBenchApp's route) against the same answer from a route whose value comes
 * through three levels of dependencies: a header check, then the query parameter with the first
 * level's value, then the second level's value. Both routes are {@link NonBlocking}, so the whole
 * pipeline runs on the benchmark's thread, and both requests carry the same headers; the difference
 * is the request scope's work: three dependency binders, their per-request cache, one header read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DependencyBenchmark {
  private static final String EXPECTED = "{\"item_id\":5,\"query_param\":\"x\"}";

  /** Level 1: reads a header. */
  public static final class Token {
    /** The {@code X-Token} header, which must not be empty. */
    public String get(@Header String x_token) {
      if (x_token.isEmpty()) {
        throw new HttpException(400, "X-Token header invalid");
      }
      return x_token;
    }
  }

  /** Level 2: reads a query parameter and level 1. */
  public static final class QueryWithToken {
    /** The {@code q} query parameter, once the token is known. */
    public Optional<String> get(Optional<String> q, @Depends(Token.class) String token) {
      return q;
    }
  }

  /** Level 3: reads level 2. */
  public static final class Query {
    /** Level 2's value. */
    public Optional<String> get(@Depends(QueryWithToken.class) Optional<String> q) {
      return q;
    }
  }

  /** The two routes. */
  @NonBlocking
  public static final class Routes {
    /** {@code GET /items/5?q=x}, as in SnelBenchApp. */
    @Get("/items/{item_id}")
    public Map<String, Object> readItem(long item_id, Optional<String> q) {
      return body(item_id, q);
    }

    /** {@code GET /deps/items/5?q=x}: {@code q} through three levels of dependencies. */
    @Get("/deps/items/{item_id}")
    public Map<String, Object> readItemThroughDependencies(
        long item_id, @Depends(Query.class) Optional<String> q) {
      return body(item_id, q);
    }

    private static Map<String, Object> body(long itemId, Optional<String> q) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("item_id", itemId);
      body.put("query_param", q.orElse(null));
      return body;
    }
  }

  private Snel app;

  /** Builds the app and checks both routes answer the same bytes. */
  @Setup
  public void setUp() {
    app = Snel.create().include(new Routes());
    for (String target : new String[] {"/items/5?q=x", "/deps/items/5?q=x"}) {
      Response response = app.handle(request(target)).join();
      if (response.status() != 200 || !response.bodyText().equals(EXPECTED)) {
        throw new IllegalStateException(
            target + " answered " + response.status() + " " + response.bodyText());
      }
    }
  }

  /** The request as snel-netty builds it: method, target, a Host and an X-Token header. */
  static Request request(String target) {
    return Request.builder("GET", target)
        .header("Host", "127.0.0.1:8080")
        .header("X-Token", "fake-super-secret-token")
        .build();
  }

  /** Reference: the plain route. */
  @Benchmark
  public byte[] plainRoute() {
    return app.handle(request("/items/5?q=x")).join().body();
  }

  /** The same answer through three levels of dependencies. */
  @Benchmark
  public byte[] dependencyChain() {
    return app.handle(request("/deps/items/5?q=x")).join().body();
  }
}
