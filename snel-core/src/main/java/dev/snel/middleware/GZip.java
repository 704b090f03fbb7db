package dev.snel.middleware;

import dev.snel.Middleware;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.internal.middleware.Edits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses responses for clients that accept gzip: Starlette's {@code GZipMiddleware}, in FastAPI
 * {@code app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5)}.
 *
 * <pre>{@code
 * app.middleware(GZip.create(1000, 5));
 * }</pre>
 *
 * <p>A response is compressed when the request's {@code Accept-Encoding} mentions {@code gzip}, its
 * body has at least {@code minimumSize} bytes (500 by default), it has no {@code Content-Encoding}
 * yet and is not {@code text/event-stream}. A compressed response gets {@code Content-Encoding:
 * gzip} and its new {@code Content-Length}; every response at least that large gets {@code Vary:
 * Accept-Encoding}, so caches keep the two forms apart. Unlike Starlette, a body that gzip would
 * not make smaller (already-compressed data) is sent as it is.
 *
 * <p>Immutable and thread-safe; compresses on the request's thread.
 */
public final class GZip implements Middleware {
  private final int minimumSize;
  private final int compressLevel;

  private GZip(int minimumSize, int compressLevel) {
    if (minimumSize < 0) {
      throw new IllegalArgumentException("minimumSize must not be negative: " + minimumSize);
    }
    if (compressLevel < 1 || compressLevel > 9) {
      throw new IllegalArgumentException("compressLevel goes from 1 to 9, not " + compressLevel);
    }
    this.minimumSize = minimumSize;
    this.compressLevel = compressLevel;
  }

  /** Starlette's defaults: bodies of 500 bytes and more, compression level 9. */
  public static GZip create() {
    return new GZip(500, 9);
  }

  /** Compresses bodies of at least {@code minimumSize} bytes at {@code compressLevel} (1 to 9). */
  public static GZip create(int minimumSize, int compressLevel) {
    return new GZip(minimumSize, compressLevel);
  }

  @Override
  public Response handle(Request request, Next next) throws Exception {
    Response response = next.proceed(request);
    if (response.bodyWriter() != null // streamed: not compressed yet (docs/not-yet.md)
        || response.headers().contains("content-encoding")
        || response.headers().first("content-type").orElse("").startsWith("text/event-stream")
        || response.body().length < minimumSize) {
      return response;
    }
    Response answer = Edits.copy(response);
    Edits.addVary(answer, "Accept-Encoding");
    if (!request.header("accept-encoding").orElse("").contains("gzip")) {
      return answer;
    }
    byte[] body = response.body();
    byte[] compressed = gzip(body);
    if (compressed.length >= body.length) {
      return answer;
    }
    return answer
        .body(compressed)
        .header("content-encoding", "gzip")
        .header("content-length", Integer.toString(compressed.length));
  }

  private byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 3));
    try (GZIPOutputStream gzip = new LeveledGzip(out, compressLevel)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** A gzip stream at a chosen level (the JDK's runs at the default level). */
  private static final class LeveledGzip extends GZIPOutputStream {
    LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
      super(out, 8192);
      def.setLevel(level);
    }
  }
}
