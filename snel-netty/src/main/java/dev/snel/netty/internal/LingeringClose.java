package dev.snel.netty.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection after its last response without destroying that response: closing a socket
 * with unread input makes the kernel send a reset, which can discard the answer before the client
 * has read it (a 413 refusing a body still being sent, the last answer of a deep pipeline). So the
 * server half-closes, reads and discards what still comes for a short while, and then closes.
 */
final class LingeringClose extends ChannelInboundHandlerAdapter {
  /** How long the server keeps reading after its last response. */
  static final long LINGER_MILLIS = 2_000;

  /** How much it reads and discards in that time before it closes anyway. */
  static final long MAX_DISCARDED_BYTES = 1 << 20;

  private long discarded;

  private LingeringClose() {}

  /** Closes the channel, lingering as above, once the write completes (successfully or not). */
  static void after(ChannelFuture lastWrite) {
    lastWrite.addListener(f -> close(lastWrite.channel()));
  }

  private static void close(Channel channel) {
    if (!(channel instanceof DuplexChannel duplex)
        || !channel.isActive()
        || duplex.isOutputShutdown()) {
      var unused = channel.close();
      return;
    }
    duplex
        .shutdownOutput()
        .addListener(
            f -> {
              if (!f.isSuccess() || !channel.isActive()) {
                var unused = channel.close();
                return;
              }
              channel.pipeline().addFirst("linger", new LingeringClose());
              ReadGate gate = channel.pipeline().get(ReadGate.class);
              if (gate != null) {
                gate.open();
              }
              channel.config().setAutoRead(true);
              Runnable hangUp =
                  () -> {
                    var unused = channel.close();
                  };
              var unused =
                  channel.eventLoop().schedule(hangUp, LINGER_MILLIS, TimeUnit.MILLISECONDS);
            });
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof io.netty.buffer.ByteBuf bytes) {
      discarded += bytes.readableBytes();
    }
    ReferenceCountUtil.release(msg);
    if (discarded > MAX_DISCARDED_BYTES) {
      var unused = ctx.close();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    // Nothing after this handler may turn reading off again while lingering.
  }
}
