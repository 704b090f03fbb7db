package dev.snel.netty.internal;

import dev.snel.internal.http.RequestBodyException;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Streams {@code multipart/form-data} request bodies instead of aggregating them: the request goes
 * on to {@link HttpHandler} as soon as its head is read, carrying an {@link UploadBody} that the
 * body's chunks then flow into while the app reads it on the request's thread. Other requests pass
 * on to the aggregator and its JSON body limit untouched.
 *
 * <p>Limits of a streamed body: at most {@code maxUploadSize} bytes (a declared larger length is
 * refused by {@link RequestGuard}; a chunked body that grows past it fails the stream with 413);
 * and a client must keep sending: in each {@code requestTimeout} window in which the server was
 * waiting for it, at least {@link #MIN_BYTES_PER_SECOND} bytes a second on average (a slow-loris
 * upload fails with 408, Kestrel's rule). Both stop the connection's reading; the app answers, and
 * the connection closes after that answer since the rest of the body was never read.
 *
 * <p>Sits between the idle handler and the aggregator; runs on the channel's event loop.
 */
final class UploadStreams extends ChannelInboundHandlerAdapter {
  /** The slowest upload accepted: Kestrel's minimum request body data rate. */
  static final long MIN_BYTES_PER_SECOND = 240;

  private final long maxUploadSize;
  private final int maxBodySize;
  private final Duration window;
  private final ReadGate gate;
  private final RequestDeadline deadline;
  private @Nullable UploadBody body;
  private long received;
  private long receivedInWindow;
  private @Nullable ScheduledFuture<?> rateCheck;

  UploadStreams(
      long maxUploadSize,
      int maxBodySize,
      Duration window,
      ReadGate gate,
      RequestDeadline deadline) {
    this.maxUploadSize = maxUploadSize;
    this.maxBodySize = maxBodySize;
    this.window = window;
    this.gate = gate;
    this.deadline = deadline;
  }

  /** A request whose body streams: the head with an empty content, and the body's stream. */
  static final class StreamedRequest extends DefaultFullHttpRequest {
    final UploadBody body;

    /** The most of it read into memory whole ({@code Request.body()}): the JSON body limit. */
    final int maxBodySize;

    StreamedRequest(HttpRequest head, UploadBody body, int maxBodySize) {
      super(
          head.protocolVersion(),
          head.method(),
          head.uri(),
          Unpooled.EMPTY_BUFFER,
          head.headers(),
          EmptyHttpHeaders.INSTANCE);
      this.body = body;
      this.maxBodySize = maxBodySize;
    }
  }

  /** A request that will never run: its streamed body, if any, is released. */
  static void drop(FullHttpRequest request) {
    if (request instanceof StreamedRequest streamed) {
      streamed.body.abandon();
    }
  }

  /** Whether a request's body is streamed: a multipart/form-data content type. */
  static boolean streams(HttpRequest request) {
    String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
    if (type == null) {
      return false;
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon))
        .strip()
        .equalsIgnoreCase("multipart/form-data");
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    UploadBody current = body;
    if (current != null && msg instanceof HttpContent content) {
      feed(ctx, current, content);
      return;
    }
    if (msg instanceof HttpRequest request
        && !(msg instanceof FullHttpRequest)
        && request.decoderResult().isSuccess()
        && streams(request)) {
      start(ctx, request);
      return;
    }
    ctx.fireChannelRead(msg);
  }

  private void start(ChannelHandlerContext ctx, HttpRequest request) {
    if (HttpUtil.is100ContinueExpected(request)) {
      // the aggregator would have said it; the client waits for it before sending the body
      request.headers().remove(HttpHeaderNames.EXPECT);
      var unused =
          ctx.writeAndFlush(
              new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
    }
    UploadBody started = new UploadBody(ctx.channel(), gate);
    body = started;
    received = 0;
    receivedInWindow = 0;
    long millis = window.toMillis();
    rateCheck =
        ctx.executor()
            .scheduleAtFixedRate(() -> checkRate(ctx), millis, millis, TimeUnit.MILLISECONDS);
    ctx.fireChannelRead(new StreamedRequest(request, started, maxBodySize));
  }

  private void feed(ChannelHandlerContext ctx, UploadBody current, HttpContent content) {
    if (content.decoderResult().isFailure()) {
      content.release();
      stop(ctx, current, new RequestBodyException(400, "Invalid chunked body"));
      return;
    }
    int size = content.content().readableBytes();
    received += size;
    receivedInWindow += size;
    boolean last = content instanceof LastHttpContent;
    if (received > maxUploadSize) {
      content.release();
      stop(
          ctx,
          current,
          new RequestBodyException(413, "Request body is larger than " + maxUploadSize + " bytes"));
      return;
    }
    current.offer(content.content()); // takes the content's reference
    if (last) {
      current.end();
      finished();
      deadline.requestComplete(); // body bytes started a deadline for a next request
    }
  }

  /** Fails the body for its reader, and reads no more of it: the connection closes after. */
  private void stop(ChannelHandlerContext ctx, UploadBody current, IOException cause) {
    current.fail(cause);
    finished();
    gate.holdForBody(ctx.channel(), true);
  }

  private void finished() {
    body = null;
    if (rateCheck != null) {
      rateCheck.cancel(false);
      rateCheck = null;
    }
  }

  private void checkRate(ChannelHandlerContext ctx) {
    UploadBody current = body;
    if (current == null) {
      return;
    }
    long expected = MIN_BYTES_PER_SECOND * window.toMillis() / 1000;
    boolean waitingForClient = ctx.channel().config().isAutoRead() && current.available() == 0;
    if (waitingForClient && receivedInWindow < expected) {
      stop(ctx, current, new RequestBodyException(408, "Request Timeout"));
    }
    receivedInWindow = 0;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    UploadBody current = body;
    if (current != null) {
      current.fail(new IOException("the client closed the connection"));
      current.abandon();
      finished();
    }
    ctx.fireChannelInactive();
  }
}
