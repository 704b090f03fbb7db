package dev.snel.examples.streaming;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A stand-in for a language model: it "generates" the words of the prompt, one token at a time,
 * taking {@code delay} per token after the first, as a model on a GPU or behind an API does. Like a
 * real client library it calls back with each token and blocks in between, and it stops when its
 * thread is interrupted: that is how an abandoned generation stops costing money.
 *
 * <p>Thread-safe: every call generates on the caller's thread.
 */
public final class FakeModel {
  private final AtomicLong tokensGenerated = new AtomicLong();
  private final AtomicInteger running = new AtomicInteger();

  /**
   * Generates the prompt's words, calling {@code onToken} with each as soon as it is ready: the
   * first at once, the next ones {@code delay} apart.
   *
   * @throws InterruptedException when the caller's thread is interrupted: generation stops
   */
  public void generate(String prompt, Duration delay, Consumer<String> onToken)
      throws InterruptedException {
    running.incrementAndGet();
    try {
      boolean first = true;
      for (String word : prompt.trim().split("\\s+")) {
        if (word.isEmpty()) {
          continue;
        }
        if (!first) {
          Thread.sleep(delay); // the model "thinks"; an interrupt ends it here
        }
        first = false;
        tokensGenerated.incrementAndGet();
        onToken.accept(word);
      }
    } finally {
      running.decrementAndGet();
    }
  }

  /** How many generations are running now. */
  public int running() {
    return running.get();
  }

  /** How many tokens this model has generated so far: what a provider would bill. */
  public long tokensGenerated() {
    return tokensGenerated.get();
  }
}
