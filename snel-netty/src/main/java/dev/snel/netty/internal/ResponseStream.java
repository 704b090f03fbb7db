package dev.snel.netty.internal;

import dev.snel.BodyWriter;
import dev.snel.Response;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamed response body being written: runs its {@link BodyWriter} on a virtual thread of its
 * own (the head has gone out already), ends the body, and then tells the response it has been
 * written and the handler that the connection's next response may go.
 *
 * <p>How it ends:
 *
 * <ul>
 *   <li>the writer returns: the last chunk goes out (or, close-delimited, the connection closes);
 *   <li>the writer throws: the error is logged and the connection is closed without the last chunk
 *       (reset, when the body is close-delimited), so the client sees an incomplete body, never one
 *       that looks complete;
 *   <li>the client goes away (the channel closes, a write fails): the writer's thread is
 *       interrupted and its writes throw, one line is logged at INFO.
 * </ul>
 *
 * In every case {@link Response#written()} runs once, after the writer (whose request scope, and
 * with it the dependencies' cleanups, ended when it returned), and the request counts as finished.
 */
final class ResponseStream {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseStream.class);

  /** What the handler does once the stream is over; called on the event loop. */
  interface Ended {
    /**
     * @param intact whether the connection may carry further responses
     */
    void streamEnded(boolean intact);
  }

  private final ChannelHandlerContext ctx;
  private final Response response;
  private final BodyWriter writer;
  private final String requestId;
  private final boolean closeAfter;
  private final boolean closeDelimited;
  private final Connections connections;
  private final Ended ended;
  private final ChannelOutputStream out;

  /** The writer's thread while the writer runs; interrupted when the client goes away. */
  private Thread thread = Thread.currentThread();

  private boolean writing;

  /**
   * @param declaredLength the response's {@code Content-Length}, or -1 (chunked or close-delimited)
   * @param closeAfter whether the connection closes after the body (close-delimited, or asked for)
   * @param closeDelimited whether the body ends with the connection (neither chunked nor declared)
   */
  ResponseStream(
      ChannelHandlerContext ctx,
      Response response,
      BodyWriter writer,
      String requestId,
      long declaredLength,
      boolean closeAfter,
      boolean closeDelimited,
      Connections connections,
      Ended ended) {
    this.ctx = ctx;
    this.response = response;
    this.writer = writer;
    this.requestId = requestId;
    this.closeAfter = closeAfter;
    this.closeDelimited = closeDelimited;
    this.connections = connections;
    this.ended = ended;
    this.out =
        new ChannelOutputStream(ctx, declaredLength, cause -> interrupt(), this::writerReturned);
  }

  /** Starts the writer on a virtual thread of its own. */
  void start() {
    if (closeDelimited) {
      // Until the body is complete, any close (a failing writer, the idle timeout, a stop) must
      // be a reset: a FIN would tell the client the body ended.
      ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    }
    synchronized (this) {
      writing = true;
      thread = Thread.ofVirtual().name("snel-stream").unstarted(this::run);
    }
    thread.start();
  }

  /** The channel's writability changed; called on the event loop. */
  void writabilityChanged() {
    out.wake();
  }

  /** The connection is gone; called on the event loop. */
  void disconnected() {
    out.fail(new ClosedChannelException());
  }

  /** No interrupt reaches what runs after the writer on its thread (the request's cleanups). */
  private synchronized void writerReturned() {
    writing = false;
  }

  private synchronized void interrupt() {
    if (writing) {
      thread.interrupt();
    }
  }

  private void run() {
    Throwable thrown = null;
    try {
      writer.writeTo(out);
    } catch (Throwable e) {
      thrown = e;
    }
    writerReturned();
    // A late interrupt must not reach what runs after the writer (the written() work).
    boolean unused = Thread.interrupted();
    boolean intact = false;
    try {
      // decided once: a client that goes away after the last chunk went out changes nothing
      boolean disconnected = out.failure() != null;
      if (!disconnected && thrown == null) {
        try {
          out.complete();
        } catch (IOException e) {
          thrown = e;
        }
      }
      if (!disconnected && thrown == null) {
        ChannelFuture last = out.finish();
        last.awaitUninterruptibly();
        if (last.isSuccess()) {
          intact = !closeAfter;
          if (closeAfter) {
            if (closeDelimited) { // complete: this close is the body's orderly end
              ctx.channel().config().setOption(ChannelOption.SO_LINGER, -1);
            }
            LingeringClose.after(last); // close-delimited, or the connection was to close anyway
          }
        } else {
          out.fail(last.cause());
          disconnected = true;
        }
      }
      if (disconnected) {
        LOG.info(
            "client disconnected; stream stopped after {} bytes [request {}]",
            out.count(),
            requestId);
        var closed = ctx.close();
      } else if (thrown != null) {
        LOG.error(
            "The streamed body failed after {} bytes; closing the connection without ending it"
                + " [request {}]",
            out.count(),
            requestId,
            thrown);
        ChannelFuture rest = out.abandon();
        if (closeDelimited) {
          // not the lingering close, whose FIN would end the body as if complete: with SO_LINGER
          // at 0 (see start) this close is a reset
          rest.addListener(f -> ctx.close());
        } else {
          LingeringClose.after(rest);
        }
      }
    } finally {
      try {
        response.written();
      } catch (Throwable e) {
        LOG.error("The work after a streamed response failed [request {}]", requestId, e);
      } finally {
        connections.requestFinished();
        boolean next = intact;
        try {
          ctx.executor().execute(() -> ended.streamEnded(next));
        } catch (RejectedExecutionException e) {
          // the server stopped: no response comes after this one
        }
      }
    }
  }
}
