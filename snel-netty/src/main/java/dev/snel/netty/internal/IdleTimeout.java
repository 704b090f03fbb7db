package dev.snel.netty.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP connection's idle timeout: fires Netty's all-idle {@link IdleStateEvent} when the
 * connection has neither read nor written for the timeout, and again each timeout after, for {@link
 * HttpHandler} to decide (it closes a keep-alive connection with nothing in flight, and one whose
 * client stopped reading its answers).
 *
 * <p>What Netty's {@code IdleStateHandler} does in its all-idle mode with {@code observeOutput},
 * without its cost per response: that handler turns every write's void promise into a real one and
 * listens to it, about 0.2 µs a request. Here a read batch notes its time, {@link HttpHandler}
 * notes when it writes answers after the read that brought their requests ({@link #wrote}), and the
 * one timer per connection counts bytes the socket took from the outbound buffer since it last
 * fired (a streamed body's writes) as activity too.
 *
 * <p>Runs on the channel's event loop only.
 */
final class IdleTimeout extends ChannelInboundHandlerAdapter {
  private final long timeoutNanos;
  private @Nullable ChannelHandlerContext context;
  private @Nullable ScheduledFuture<?> timer;
  private long lastActivity;

  /** The outbound buffer as the timer last saw it: its head message, progress and pending bytes. */
  private int lastMessage;

  private long lastProgress;
  private long lastPending;

  IdleTimeout(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    context = ctx;
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start(ctx);
    ctx.fireChannelActive();
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    lastActivity = ctx.executor().ticker().nanoTime();
    ctx.fireChannelReadComplete();
  }

  /**
   * Answers were written (and flushed) to the connection outside a read: answers written while a
   * read is passed on get the time the read ends with.
   */
  void wrote() {
    ChannelHandlerContext ctx = context;
    if (ctx != null) {
      lastActivity = ctx.executor().ticker().nanoTime();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    stop();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    stop();
  }

  private void start(ChannelHandlerContext ctx) {
    if (timeoutNanos <= 0 || timer != null) {
      return;
    }
    lastActivity = ctx.executor().ticker().nanoTime();
    schedule(ctx, timeoutNanos);
  }

  private void stop() {
    ScheduledFuture<?> pending = timer;
    if (pending != null) {
      pending.cancel(false);
      timer = null;
    }
  }

  private void schedule(ChannelHandlerContext ctx, long delayNanos) {
    timer = ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void check(ChannelHandlerContext ctx) {
    timer = null;
    if (!ctx.channel().isActive()) {
      return;
    }
    long now = ctx.executor().ticker().nanoTime();
    if (outputMoved(ctx)) {
      lastActivity = now;
    }
    long left = timeoutNanos - (now - lastActivity);
    if (left > 0) {
      schedule(ctx, left);
      return;
    }
    lastActivity = now;
    schedule(ctx, timeoutNanos);
    ctx.fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
  }

  /** Whether the outbound buffer changed since the last check: the socket took bytes from it. */
  private boolean outputMoved(ChannelHandlerContext ctx) {
    ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
    if (buffer == null) {
      return false;
    }
    // the head message's identity, not the message: a reference would keep a written one alive
    int message = System.identityHashCode(buffer.current());
    long progress = buffer.currentProgress();
    long pending = buffer.totalPendingWriteBytes();
    boolean moved = message != lastMessage || progress != lastProgress || pending != lastPending;
    lastMessage = message;
    lastProgress = progress;
    lastPending = pending;
    return moved;
  }
}
