package dev.snel.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Netty's aggregator, refusing a chunked body that grows over the limit with Snel's JSON 413 (a
 * declared {@code Content-Length} over the limit is refused earlier, by {@link RequestGuard}), and
 * adding no {@code Content-Length: 0} to a request the client sent without any framing (a GET): the
 * app sees the headers the client sent, and a header model that forbids extra headers would refuse
 * every GET. A chunked body gets its length, as Netty gives it.
 *
 * <p>Runs on the channel's event loop; aggregates one request at a time.
 */
final class BodyLimit extends HttpObjectAggregator {
  /** Whether the request being aggregated declared a length or a transfer coding. */
  private boolean framed;

  BodyLimit(int maxBodySize) {
    super(maxBodySize);
  }

  @Override
  protected FullHttpMessage beginAggregation(HttpMessage start, ByteBuf content) throws Exception {
    HttpHeaders headers = start.headers();
    framed =
        headers.contains(HttpHeaderNames.CONTENT_LENGTH)
            || headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
    return super.beginAggregation(start, content);
  }

  @Override
  protected void finishAggregation(FullHttpMessage aggregated) throws Exception {
    if (framed) {
      super.finishAggregation(aggregated);
    }
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
