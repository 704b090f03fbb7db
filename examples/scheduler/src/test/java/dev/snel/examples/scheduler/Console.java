package dev.snel.examples.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the app prints to System.out while it is installed, line by line. */
final class Console implements AutoCloseable {
  private final PrintStream original = System.out;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  Console() {
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  List<String> lines() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** Waits until the line has been printed {@code times} times; bounded, not a timing check. */
  void awaitLine(String line, int times) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (lines().stream().filter(line::equals).count() < times
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    assertThat(lines().stream().filter(line::equals).count())
        .as("\"%s\" printed", line)
        .isGreaterThanOrEqualTo(times);
  }

  @Override
  public void close() {
    System.setOut(original);
  }
}
