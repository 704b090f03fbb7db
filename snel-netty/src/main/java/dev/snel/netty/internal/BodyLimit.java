package dev.snel.netty.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Netty's aggregator, refusing a chunked body that grows over the limit with Snel's JSON 413 (a
 * declared {@code Content-Length} over the limit is refused earlier, by {@link RequestGuard}).
 */
final class BodyLimit extends HttpObjectAggregator {
  BodyLimit(int maxBodySize) {
    super(maxBodySize);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    // Answered by the next handler in its turn; the connection closes after it.
    ctx.fireChannelRead(
        new Refusal(
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "Request body is larger than " + maxContentLength() + " bytes")
            .asRequest());
  }
}
