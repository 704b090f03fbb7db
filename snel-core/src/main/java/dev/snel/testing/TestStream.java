package dev.snel.testing;

import dev.snel.Headers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A response whose body a test reads as it arrives, like Starlette's {@code with
 * client.stream("GET", url) as response}: the status and headers come first, the body is an {@link
 * InputStream} that yields each part once the app has written it. Close it when done (the app's
 * writer, if still writing, is stopped as if the client went away; the request's background tasks
 * have run once {@code close} returns).
 *
 * <pre>{@code
 * try (TestStream stream = client.request("GET", "/stream/lines?count=3").stream()) {
 *   assertThat(stream.status()).isEqualTo(200);
 *   assertThat(stream.lines().limit(2)).containsExactly("{\"n\":0}", "{\"n\":1}");
 * }
 * }</pre>
 */
public final class TestStream implements AutoCloseable {
  private final int status;
  private final Headers headers;
  private final InputStream body;
  private final Runnable onClose;
  private boolean closed;

  TestStream(int status, Headers headers, InputStream body, Runnable onClose) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.onClose = onClose;
  }

  /** The status code. */
  public int status() {
    return status;
  }

  /** The first value of a header, if present. */
  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /** Every value of a header. */
  public List<String> headers(String name) {
    return headers.all(name);
  }

  /** All headers. */
  public Headers headers() {
    return headers;
  }

  /**
   * The body, read as it arrives: a read blocks until the app has written more, and ends with the
   * body. A writer that failed in process makes the read after its last bytes throw.
   */
  public InputStream body() {
    return body;
  }

  /**
   * The rest of the body as UTF-8 lines, each one as soon as it is complete (Starlette's {@code
   * iter_lines}); lazily, so {@code lines().limit(n)} reads no further than needed.
   */
  public Stream<String> lines() {
    return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)).lines();
  }

  /** The rest of the body as UTF-8 text, waiting for its end. */
  public String text() {
    try {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops reading: a writer still writing is stopped; waits until the request is done with. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      body.close();
    } catch (IOException e) {
      // the body is abandoned either way
    } finally {
      onClose.run();
    }
  }

  @Override
  public String toString() {
    return "TestStream " + status + " " + headers;
  }
}
