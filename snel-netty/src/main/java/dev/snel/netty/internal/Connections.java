package dev.snel.netty.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the server knows about all its connections: the open channels, the requests in flight (read
 * but not yet answered), and whether it is draining for a graceful stop. Thread-safe.
 */
public final class Connections {
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;

  void opened(Channel channel) {
    channels.add(channel);
  }

  void requestStarted() {
    inFlight.incrementAndGet();
  }

  void requestFinished() {
    inFlight.decrementAndGet();
  }

  void requestsFinished(int count) {
    inFlight.addAndGet(-count);
  }

  boolean draining() {
    return draining;
  }

  /** Requests read but not yet answered. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Starts draining: idle connections are closed now, busy ones after their last response (each
   * response then carries {@code Connection: close}), WebSockets with 1001 (going away).
   */
  public void drain() {
    draining = true;
    for (Channel channel : channels) {
      channel
          .eventLoop()
          .execute(
              () -> {
                WebSocketConnection webSocket = channel.pipeline().get(WebSocketConnection.class);
                if (webSocket != null) {
                  webSocket.goingAway(); // closes with 1001; its handler's receive ends
                  return;
                }
                HttpHandler handler = channel.pipeline().get(HttpHandler.class);
                if (handler == null || handler.idle()) {
                  closeWhenSent(channel);
                }
              });
    }
  }

  /**
   * Closes the connection once the socket has taken what the server wrote: a client reading a large
   * answer slowly still gets all of it (writes complete in order, so the empty one after the answer
   * completes last); one that stops reading is closed by {@link #closeAll}.
   */
  private static void closeWhenSent(Channel channel) {
    ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
    if (buffer == null || buffer.totalPendingWriteBytes() == 0) {
      var unused = channel.close();
    } else {
      var unused =
          channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** Closes every connection now. */
  public void closeAll() {
    channels.close().awaitUninterruptibly();
  }
}
