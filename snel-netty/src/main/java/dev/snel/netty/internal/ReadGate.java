package dev.snel.netty.internal;

import io.netty.channel.Channel;
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

  /** A streamed request body's buffer is full ({@link UploadBody}): its reader is behind. */
  private boolean bodyFull;

  /**
   * Holds reads while {@link HttpHandler} wants the connection unread (its own bounds) or a
   * streamed body waits for its reader, and turns auto-read off meanwhile (the transport keeps
   * reading otherwise); lets them through when neither holds.
   */
  void hold(Channel channel, boolean hold) {
    held = hold;
    apply(channel);
  }

  /** A streamed body's buffer filled up, or was read down again. */
  void holdForBody(Channel channel, boolean full) {
    bodyFull = full;
    apply(channel);
  }

  /** Lets everything through: the connection is closing and reads to discard. */
  void open() {
    held = false;
    bodyFull = false;
  }

  private void apply(Channel channel) {
    boolean read = !held && !bodyFull;
    if (channel.config().isAutoRead() != read) {
      channel.config().setAutoRead(read);
    }
  }

  @Override
  public void read(ChannelHandlerContext ctx) {
    if (!held && !bodyFull) {
      ctx.read();
    }
  }
}
