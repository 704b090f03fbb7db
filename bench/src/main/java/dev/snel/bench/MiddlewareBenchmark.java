package dev.snel.bench;

import dev.snel.Get;
import dev.snel.NonBlocking;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.middleware.Cors;
import dev.snel.middleware.RequestId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What middleware costs a request: {@code Snel.handle(Request)} of {@code GET /items/5?q=x}, 64
 * requests in flight at once (as {@link PipelineBenchmark#snelVirtualThreadBatch}), time per
 * request, on four apps with the same route:
 *
 * <ul>
 *   <li>{@code plainRoute} (the reference): no middleware, the default dispatch (a virtual thread
 *       per request);
 *   <li>{@code noOpMiddleware}: one middleware that only calls {@code next};
 *   <li>{@code threeMiddlewares}: {@link RequestId} (MDC, {@code x-request-id}, {@code
 *       Server-Timing}; its access line is turned off, see the fork's arguments, so that the
 *       logging backend's cost stays out), a no-op timing middleware, and {@link Cors} with an
 *       origin it does not allow;
 *   <li>{@code plainRouteNonBlocking}: the route {@code @NonBlocking} without middleware, which
 *       runs on the caller's thread; with any middleware a request goes to a virtual thread, so
 *       this is what a non-blocking app gives up by adding middleware.
 * </ul>
 *
 * All requests carry the same headers (a Host and an Origin).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.log.dev.snel.access=warn"})
public class MiddlewareBenchmark {
  private static final String EXPECTED = "{\"item_id\":5,\"query_param\":\"x\"}";
  private static final int BATCH = PipelineBenchmark.BATCH;

  /** {@code GET /items/{item_id}} on the default dispatch. */
  public static class Routes {
    /** As in SnelBenchApp. */
    @Get("/items/{item_id}")
    public Map<String, Object> readItem(long item_id, Optional<String> q) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("item_id", item_id);
      body.put("query_param", q.orElse(null));
      return body;
    }
  }

  /** The same route on the caller's thread. */
  @NonBlocking
  public static final class NonBlockingRoutes extends Routes {}

  private Snel plain;
  private Snel noOp;
  private Snel three;
  private Snel nonBlocking;

  /** Builds the apps and checks that all answer the same bytes. */
  @Setup
  public void setUp() {
    plain = Snel.create().include(new Routes());
    noOp = Snel.create().include(new Routes()).middleware((request, next) -> next.proceed(request));
    three =
        Snel.create()
            .include(new Routes())
            .middleware(Cors.builder().allowOrigins("https://app.example.com").build())
            .middleware(
                (request, next) -> {
                  long start = System.nanoTime();
                  Response response = next.proceed(request);
                  if (System.nanoTime() - start < 0) {
                    throw new IllegalStateException("time ran backwards");
                  }
                  return response;
                })
            .middleware(RequestId.create());
    nonBlocking = Snel.create().include(new NonBlockingRoutes());
    for (Snel app : new Snel[] {plain, noOp, three, nonBlocking}) {
      Response response = app.handle(request()).join();
      if (response.status() != 200 || !response.bodyText().equals(EXPECTED)) {
        throw new IllegalStateException(
            "answered " + response.status() + " " + response.bodyText());
      }
    }
    if (three.handle(request()).join().headers().first("x-request-id").isEmpty()) {
      throw new IllegalStateException("RequestId did not run");
    }
  }

  static Request request() {
    return Request.builder("GET", "/items/5?q=x")
        .header("Host", "127.0.0.1:8080")
        .header("Origin", "https://elsewhere.example.net")
        .build();
  }

  private static int batch(Snel app) {
    PipelineBenchmark.Batch batch = new PipelineBenchmark.Batch();
    for (int i = 0; i < BATCH; i++) {
      app.handle(request(), batch);
    }
    return batch.done.join();
  }

  /** Reference: no middleware, default dispatch. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int plainRoute() {
    return batch(plain);
  }

  /** One middleware that only calls next. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int noOpMiddleware() {
    return batch(noOp);
  }

  /** RequestId, a timing no-op and Cors with a foreign origin. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int threeMiddlewares() {
    return batch(three);
  }

  /** No middleware, the route on the caller's thread. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int plainRouteNonBlocking() {
    return batch(nonBlocking);
  }
}
