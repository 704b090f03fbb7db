package dev.snel.netty.internal;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Why the server refuses a request before the app sees it. Travels to {@link HttpHandler} as the
 * failed decoder result of a placeholder request, so the refusal is answered in its turn behind
 * earlier pipelined requests, and the connection closes after it.
 */
final class Refusal extends RuntimeException {
  final HttpResponseStatus status;

  Refusal(HttpResponseStatus status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  /** A request that carries this refusal instead of anything the client sent. */
  FullHttpRequest asRequest() {
    FullHttpRequest placeholder =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
    placeholder.setDecoderResult(DecoderResult.failure(this));
    return placeholder;
  }
}
