package dev.snel.bench;

import java.util.Arrays;

/**
 * {@link AdapterBenchmark}'s two pipelines timed in alternation, for a shared machine whose speed
 * drifts by a third from one minute to the next: each round runs the raw Netty handler, then Snel's
 * pipeline, the same number of requests each, and the median of the rounds' ratios (Snel's time
 * over raw Netty's) is what to compare between two builds. JMH's runs of one benchmark after the
 * other put that drift between the two.
 *
 * <pre>
 * java -Dio.netty.leakDetection.level=disabled -cp bench/target/benchmarks.jar \
 *     dev.snel.bench.AdapterAlternation '/items/5?q=x' [rounds]
 * </pre>
 *
 * <p>The leak detector off, as Snel's server has it. Prints the medians of each side's time per
 * request and of the ratio, with its quartiles.
 */
public final class AdapterAlternation {
  private static final int REQUESTS_PER_ROUND = 20_000;
  private static final int WARM_UP_REQUESTS = 300_000;

  private AdapterAlternation() {}

  /** Runs it: the target (an {@link AdapterBenchmark#target}), then the rounds (default 60). */
  public static void main(String[] args) {
    AdapterBenchmark pipelines = new AdapterBenchmark();
    pipelines.target = args.length > 0 ? args[0] : "/items/5?q=x";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    pipelines.setUp();
    long bytes = 0; // kept, so that the JIT cannot drop the calls
    for (int i = 0; i < WARM_UP_REQUESTS; i++) {
      bytes += pipelines.rawNetty() + pipelines.snelNonBlocking();
    }
    double[] raw = new double[rounds];
    double[] snel = new double[rounds];
    double[] ratio = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
        bytes += pipelines.rawNetty();
      }
      long between = System.nanoTime();
      for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
        bytes += pipelines.snelNonBlocking();
      }
      long end = System.nanoTime();
      raw[round] = (between - start) / (double) REQUESTS_PER_ROUND;
      snel[round] = (end - between) / (double) REQUESTS_PER_ROUND;
      ratio[round] = snel[round] / raw[round];
    }
    pipelines.tearDown();
    Arrays.sort(raw);
    Arrays.sort(snel);
    Arrays.sort(ratio);
    System.out.printf(
        "%s: raw Netty %.0f ns, Snel %.0f ns a request (medians of %d rounds); Snel / raw Netty"
            + " %.3f (quartiles %.3f-%.3f); %d bytes answered%n",
        pipelines.target,
        raw[rounds / 2],
        snel[rounds / 2],
        rounds,
        ratio[rounds / 2],
        ratio[rounds / 4],
        ratio[3 * rounds / 4],
        bytes);
  }
}
