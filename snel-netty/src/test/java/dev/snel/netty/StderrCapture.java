package dev.snel.netty;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What is written to standard error while it is open: slf4j-simple, the tests' logger, writes there
 * (it looks up {@code System.err} at each message). Tests in this module run one at a time.
 */
final class StderrCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private StderrCapture() {
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
  }

  static StderrCapture start() {
    return new StderrCapture();
  }

  synchronized String text() {
    System.err.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
    original.print(bytes.toString(StandardCharsets.UTF_8));
  }
}
