package dev.snel.internal.pipeline;

import dev.snel.BodyWriter;
import dev.snel.internal.http.WriterReturned;
import dev.snel.internal.params.RequestScope;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the request scope of a streamed response when its body has been written, not when the
 * handler returns: the stream may still use what the request's dependencies opened (FastAPI's
 * long-standing trouble with {@code yield} dependencies and {@code StreamingResponse}). The scope
 * ends exactly once: after the writer returns or throws, or, for a body never written (a HEAD
 * request, a connection gone before its turn), when the response is done with.
 */
final class StreamedScope {
  private static final Logger LOG = LoggerFactory.getLogger(StreamedScope.class);

  private final RequestScope scope;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile @Nullable Throwable failure;

  StreamedScope(RequestScope scope) {
    this.scope = scope;
  }

  /** The body, ending the scope once it is written, seeing what the writer threw. */
  BodyWriter around(BodyWriter body) {
    return out -> {
      Throwable thrown = null;
      try {
        body.writeTo(out);
      } catch (Throwable e) {
        thrown = e;
        throw e;
      } finally {
        // An interrupt told the writer its client went away; the cleanups must still be able to
        // do I/O (a virtual thread's socket is closed by an interrupt): they run without it, and
        // a server told the writer returned interrupts the thread no more.
        if (out instanceof WriterReturned output) {
          output.writerReturned();
        }
        boolean interrupted = Thread.interrupted();
        try {
          end(thrown);
        } finally {
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
  }

  /** Ends the scope if the body did not: it was never written. */
  void endUnwritten() {
    end(null);
  }

  /** What the stream or the cleanups after it threw; for the work after the response. */
  @Nullable Throwable failure() {
    return failure;
  }

  private void end(@Nullable Throwable thrown) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    Throwable after = scope.end(thrown);
    failure = after;
    if (after != null && after != thrown) {
      // the status line is gone: a failing cleanup can only be told to the log
      LOG.error(
          "A cleanup failed after the streamed response [request {}]", scope.request().id(), after);
    }
  }
}
