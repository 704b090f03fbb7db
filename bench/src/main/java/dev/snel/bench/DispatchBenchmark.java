package dev.snel.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Snel's default dispatch costs by itself, without Snel: handing a trivial task to a new
 * virtual thread (the executor {@code Snel} uses) and getting its result back, one at a time and 64
 * at a time. Compare with {@link PipelineBenchmark}'s virtual-thread variants to see how much of
 * their time is the hand-off.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchBenchmark {
  private ExecutorService virtualThreads;

  /** The same executor as {@code Snel}'s. */
  @Setup
  public void setUp() {
    virtualThreads =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("bench-", 0).factory());
  }

  /** Closes the executor. */
  @TearDown
  public void tearDown() {
    virtualThreads.close();
  }

  /** One task on a new virtual thread; this thread waits for its result. */
  @Benchmark
  public Integer virtualThreadRoundTrip() {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    virtualThreads.execute(() -> result.complete(42));
    return result.join();
  }

  /** 64 tasks on new virtual threads at once, then wait for all; the time is per task. */
  @Benchmark
  @OperationsPerInvocation(PipelineBenchmark.BATCH)
  public Integer virtualThreadBatch() {
    AtomicInteger remaining = new AtomicInteger(PipelineBenchmark.BATCH);
    CompletableFuture<Integer> done = new CompletableFuture<>();
    for (int i = 0; i < PipelineBenchmark.BATCH; i++) {
      virtualThreads.execute(
          () -> {
            if (remaining.decrementAndGet() == 0) {
              done.complete(42);
            }
          });
    }
    return done.join();
  }
}
