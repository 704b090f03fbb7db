package dev.snel.bench;

import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core pipeline without a socket: {@code Snel.handle(Request)} of {@link SnelBenchApp} (route
 * lookup, dispatch, parameter binding, the handler, JSON encoding), from building the {@link
 * Request} as the Netty adapter does to the response bytes, against a hand-written handler that
 * parses the same request target and writes the same bytes with the same Jackson.
 *
 * <p>Dispatch variants: {@code snelNonBlocking} (every route {@code @NonBlocking}: all on the
 * caller's thread); {@code snelVirtualThread} (Snel's default: the handler runs on a new virtual
 * thread, and the caller waits for the response, i.e. one request's latency); {@code
 * snelVirtualThreadBatch} (64 requests handed off at once, then wait for all: closer to a server
 * with 64 connections, whose event loop does not wait). The hand-off alone is measured in {@link
 * DispatchBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {
  static final int BATCH = 64;

  /** The request targets, as wrk sends them in the load tests. */
  @Param({"/items/5?q=x", "/json", "/plaintext"})
  public String target;

  private Snel virtualThreads;
  private Snel nonBlocking;

  /** Builds both apps and checks they answer the target. */
  @Setup
  public void setUp() {
    virtualThreads = SnelBenchApp.app(false);
    nonBlocking = SnelBenchApp.app(true);
    String expected = new String(handWritten(target), StandardCharsets.UTF_8);
    for (Snel app : new Snel[] {virtualThreads, nonBlocking}) {
      Response response = app.handle(request(target)).join();
      if (response.status() != 200 || !response.bodyText().equals(expected)) {
        throw new IllegalStateException(
            target + " answered " + response.status() + " " + response.bodyText());
      }
    }
  }

  /** The request as snel-netty builds it from wrk's request: method, target, one Host header. */
  static Request request(String target) {
    return Request.builder("GET", target).header("Host", "127.0.0.1:8080").build();
  }

  /** Reference: a hand-written handler for the three targets, from the raw target to the bytes. */
  @Benchmark
  public byte[] handWritten() {
    return handWritten(target);
  }

  /** Snel, every route {@code @NonBlocking}: the whole pipeline on this thread. */
  @Benchmark
  public byte[] snelNonBlocking() {
    return nonBlocking.handle(request(target)).join().body();
  }

  /** Snel's default dispatch: the handler on a new virtual thread; this thread waits for it. */
  @Benchmark
  public byte[] snelVirtualThread() {
    return virtualThreads.handle(request(target)).join().body();
  }

  /** Snel's default dispatch, 64 requests in flight at once; the time is per request. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int snelVirtualThreadBatch() {
    Batch batch = new Batch();
    for (int i = 0; i < BATCH; i++) {
      virtualThreads.handle(request(target), batch);
    }
    return batch.done.join();
  }

  /** Counts responses; completes when all of a batch arrived. */
  static final class Batch implements Consumer<Response> {
    final AtomicInteger remaining = new AtomicInteger(BATCH);
    final AtomicInteger bytes = new AtomicInteger();
    final CompletableFuture<Integer> done = new CompletableFuture<>();

    @Override
    public void accept(Response response) {
      bytes.addAndGet(response.body().length);
      if (remaining.decrementAndGet() == 0) {
        done.complete(bytes.get());
      }
    }
  }

  static byte[] handWritten(String target) {
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    if (path.equals("/plaintext")) {
      return "Hello, World!".getBytes(StandardCharsets.UTF_8);
    }
    if (path.equals("/json")) {
      return RawNettyServer.MAPPER.writeValueAsBytes(new SnelBenchApp.Message("Hello, World!"));
    }
    if (path.startsWith("/items/")) {
      long id = Long.parseLong(path, 7, path.length(), 10);
      String q = question < 0 ? null : queryValue(target, question + 1, "q");
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("item_id", id);
      body.put("query_param", q);
      return RawNettyServer.MAPPER.writeValueAsBytes(body);
    }
    throw new IllegalArgumentException(target);
  }

  /** The last value of a query parameter, decoded. */
  private static @Nullable String queryValue(String target, int from, String name) {
    String found = null;
    int start = from;
    while (start < target.length()) {
      int end = target.indexOf('&', start);
      if (end < 0) {
        end = target.length();
      }
      int eq = target.indexOf('=', start);
      if (eq > 0 && eq < end && eq - start == name.length() && target.startsWith(name, start)) {
        String raw = target.substring(eq + 1, end);
        found =
            raw.indexOf('%') < 0 && raw.indexOf('+') < 0
                ? raw
                : URLDecoder.decode(raw, StandardCharsets.UTF_8);
      }
      start = end + 1;
    }
    return found;
  }
}
