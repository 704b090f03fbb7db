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
 * <p>Sits before the HTTP codec; {@link HttpHandler} reports each complete request. Runs on the
 * channel's event loop only.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {
  private final long timeoutNanos;
  private @Nullable ScheduledFuture<?> timer;

  RequestDeadline(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (timer == null) {
      timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
    }
    ctx.fireChannelRead(msg);
  }

  /** A whole request arrived: the next one gets a fresh deadline when its first byte comes. */
  void requestComplete() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    requestComplete();
    ctx.fireChannelInactive();
  }

  private void expire(ChannelHandlerContext ctx) {
    HttpHandler handler = ctx.pipeline().get(HttpHandler.class);
    if (handler != null && !handler.idle()) {
      // The client's earlier requests are not all answered yet, and the server may be holding
      // this one unread meanwhile: its time starts again once they are.
      timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
      return;
    }
    timer = null;
    LingeringClose.after(
        ctx.writeAndFlush(
            ErrorResponses.raw(HttpResponseStatus.REQUEST_TIMEOUT, "Request Timeout")));
  }
}
