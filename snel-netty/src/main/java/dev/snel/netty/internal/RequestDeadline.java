package dev.snel.netty.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Gives a client a fixed time to send a whole request, from its first byte to its last, and answers
 * 408 and closes the connection when it takes longer. Unlike a read-idle timeout, a client
 * trickling one byte at a time (slow loris) cannot keep the connection forever.
 *
 * <p>The timer is lazy, as Netty's {@code IdleStateHandler}'s are: a request only notes when it
 * started, and one timer per connection checks that time when it fires, then sets itself for the
 * rest of the time of the request in progress, if any. On a busy keep-alive connection a request
 * costs no scheduling and no cancelling; an idle one has no timer at all.
 *
 * <p>Sits before the HTTP codec; {@link HttpHandler} reports each complete request. Runs on the
 * channel's event loop only.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {
  private final long timeoutNanos;
  private @Nullable ScheduledFuture<?> timer;

  /** Whether bytes of a request not yet complete have arrived. */
  private boolean inRequest;

  /** When the request in progress started, on the event loop's ticker. */
  private long started;

  RequestDeadline(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!inRequest) {
      inRequest = true;
      started = ctx.executor().ticker().nanoTime();
      if (timer == null) {
        schedule(ctx, timeoutNanos);
      }
    }
    ctx.fireChannelRead(msg);
  }

  /** A whole request arrived: the next one gets a fresh deadline when its first byte comes. */
  void requestComplete() {
    inRequest = false;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    inRequest = false;
    ScheduledFuture<?> pending = timer;
    if (pending != null) {
      pending.cancel(false);
      timer = null;
    }
    ctx.fireChannelInactive();
  }

  private void schedule(ChannelHandlerContext ctx, long delayNanos) {
    timer = ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void check(ChannelHandlerContext ctx) {
    timer = null;
    if (!inRequest || !ctx.channel().isActive()) {
      return; // the next request's first byte sets the timer again
    }
    long now = ctx.executor().ticker().nanoTime();
    long left = timeoutNanos - (now - started);
    if (left > 0) {
      schedule(ctx, left); // a later request than the one this timer was set for
      return;
    }
    HttpHandler handler = ctx.pipeline().get(HttpHandler.class);
    if (handler != null && !handler.idle()) {
      // The client's earlier requests are not all answered yet, and the server may be holding
      // this one unread meanwhile: its time starts again once they are.
      started = now;
      schedule(ctx, timeoutNanos);
      return;
    }
    LingeringClose.after(
        ctx.writeAndFlush(
            ErrorResponses.raw(HttpResponseStatus.REQUEST_TIMEOUT, "Request Timeout")));
  }
}
