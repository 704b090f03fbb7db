package dev.snel.netty.internal;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Netty's aggregator, answering a body over the limit with Snel's JSON 413 (checked from
 * {@code Content-Length} before reading the body when the client sends one).
 */
final class BodyLimit extends HttpObjectAggregator {
  BodyLimit(int maxBodySize) {
    super(maxBodySize);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    ctx.writeAndFlush(
            ErrorResponses.closing(
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "Request body is larger than " + maxContentLength() + " bytes"))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
