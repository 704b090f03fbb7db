package dev.snel.netty.internal;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;

/**
 * Holds back the reads that handlers after it ask for while {@link HttpHandler} wants the
 * connection left unread. Turning auto-read off is not enough: Netty's body aggregator asks for one
 * more read whenever a message is incomplete, so a client pipelining large bodies would otherwise
 * be read, body after body, however many requests were already waiting.
 *
 * <p>Sits after the HTTP codec (whose own reads only complete a request head, bounded by the header
 * limit) and before the aggregator. Runs on the channel's event loop.
 */
final class ReadGate extends ChannelDuplexHandler {
  private boolean held;

  /** Holds reads, or lets them through again. */
  void hold(boolean hold) {
    held = hold;
  }

  @Override
  public void read(ChannelHandlerContext ctx) {
    if (!held) {
      ctx.read();
    }
  }
}
