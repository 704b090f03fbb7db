package dev.snel;

import java.io.OutputStream;

/**
 * Writes a response body while it is sent: Starlette's {@code StreamingResponse} content, for
 * bodies too large to hold or produced over time (a model's tokens, a report, a file).
 *
 * <pre>{@code
 * @Get("/report")
 * public Response report() {
 *   return Response.stream("text/csv", out -> {
 *     for (Row row : rows()) {
 *       out.write(row.csv());
 *       out.flush(); // sends what is written so far
 *     }
 *   });
 * }
 * }</pre>
 *
 * <p>The server calls it on a virtual thread of its own once the response's turn comes (responses
 * of pipelined requests go out in order), after the status line and headers. Writes block while the
 * client is slow to read, so a connection never buffers more than a bounded amount; {@code flush()}
 * sends what has been written so far. When the client goes away, the thread is interrupted and
 * writes throw an {@link java.io.IOException}: stop producing. A HEAD request is answered without
 * calling it.
 *
 * <p>An exception thrown here after the first bytes have gone out cannot change the status any
 * more: the server logs it and closes the connection without ending the body, so the client sees an
 * incomplete response, never a truncated one that looks complete. The request's cleanups ({@link
 * Scope#defer}, closeable dependencies) run after this returns or throws, so a stream can use the
 * request's database session to the end.
 */
@FunctionalInterface
public interface BodyWriter {
  /** Writes the body to the client; the stream is closed by the caller afterwards. */
  void writeTo(OutputStream out) throws Exception;
}
