package dev.snel.netty.internal;

import dev.snel.Headers;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests: turns each aggregated Netty request into a Snel {@link Request},
 * hands it to the app, and writes the responses back in request order (HTTP/1.1 pipelining:
 * requests may finish out of order on their virtual threads, responses may not).
 *
 * <p>Threading: every method runs on the channel's event loop; the app's response callback,
 * called from any thread, hops back to it.
 */
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(HttpHandler.class);

  private final Snel app;
  private final Connections connections;
  private final RequestDeadline deadline;
  /** Pipelined requests in progress at which the connection stops reading more. */
  static final int MAX_PIPELINED = 32;

  private final ArrayDeque<Slot> pending = new ArrayDeque<>();
  private boolean closing;

  /** A request in order of arrival, and its response once the app made it. */
  private static final class Slot {
    final boolean keepAlive;
    final boolean head;
    final boolean http10;
    Response response;

    Slot(boolean keepAlive, boolean head, boolean http10) {
      this.keepAlive = keepAlive;
      this.head = head;
      this.http10 = http10;
    }
  }

  HttpHandler(Snel app, Connections connections, RequestDeadline deadline) {
    this.app = app;
    this.connections = connections;
    this.deadline = deadline;
  }

  boolean idle() {
    return pending.isEmpty();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    connections.opened(ctx.channel());
    ctx.fireChannelActive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest nettyRequest) {
    deadline.requestComplete();
    if (closing) {
      return; // after a "Connection: close" request, later pipelined requests are not answered
    }
    DecoderResult result = nettyRequest.decoderResult();
    if (result.isFailure()) {
      rejectMalformed(ctx, result.cause());
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(nettyRequest);
    boolean http10 = nettyRequest.protocolVersion().equals(HttpVersion.HTTP_1_0);
    Slot slot = new Slot(keepAlive, nettyRequest.method().name().equals("HEAD"), http10);
    pending.add(slot);
    if (pending.size() >= MAX_PIPELINED) {
      ctx.channel().config().setAutoRead(false); // a client may not queue unbounded work
    }
    if (!keepAlive) {
      closing = true;
    }
    connections.requestStarted();
    Request request = toRequest(ctx, nettyRequest);
    app.handle(
        request,
        response -> {
          if (ctx.executor().inEventLoop()) {
            complete(ctx, slot, response);
          } else {
            ctx.executor().execute(() -> complete(ctx, slot, response));
          }
        });
  }

  private static Request toRequest(ChannelHandlerContext ctx, FullHttpRequest nettyRequest) {
    HttpHeaders nettyHeaders = nettyRequest.headers();
    Headers headers = Headers.create();
    for (Map.Entry<String, String> header : nettyHeaders) {
      headers.add(header.getKey(), header.getValue());
    }
    byte[] body =
        nettyRequest.content().isReadable() ? ByteBufUtil.getBytes(nettyRequest.content()) : new byte[0];
    return Request.builder(nettyRequest.method().name(), nettyRequest.uri())
        .headers(headers)
        .body(body)
        .remoteAddress((InetSocketAddress) ctx.channel().remoteAddress())
        .build();
  }

  private void complete(ChannelHandlerContext ctx, Slot slot, Response response) {
    slot.response = response;
    boolean wrote = false;
    while (!pending.isEmpty() && pending.peek().response != null) {
      Slot done = pending.poll();
      write(ctx, done);
      wrote = true;
    }
    if (wrote) {
      ctx.flush();
      if (pending.size() < MAX_PIPELINED && !ctx.channel().config().isAutoRead() && !closing) {
        ctx.channel().config().setAutoRead(true);
      }
    }
  }

  private void write(ChannelHandlerContext ctx, Slot slot) {
    Response response = slot.response;
    byte[] body = response.body();
    FullHttpResponse out =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            Statuses.of(response.status()),
            slot.head || body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    HttpHeaders headers = out.headers();
    response.headers().forEach(headers::add);
    if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
      headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    }
    headers.set(HttpHeaderNames.DATE, DateHeader.now());
    boolean close = !slot.keepAlive || (connections.draining() && pending.isEmpty());
    if (close) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (slot.http10) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    var future = ctx.write(out);
    future.addListener(f -> connections.requestFinished());
    if (close) {
      closing = true;
      future.addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * Answers a request the codec could not read, in its turn after any earlier pipelined
   * requests, then closes: the rest of the byte stream cannot be trusted.
   */
  private void rejectMalformed(ChannelHandlerContext ctx, Throwable cause) {
    int status;
    String detail;
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      detail = "Request line is too long";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      detail = "Request header fields are too large";
    } else if (cause instanceof TooLongFrameException) {
      status = 413;
      detail = "Request is too large";
    } else {
      status = 400;
      detail = "Invalid HTTP request";
    }
    Slot slot = new Slot(false, false, false);
    pending.add(slot);
    closing = true;
    connections.requestStarted();
    complete(ctx, slot, Response.json(Map.of("detail", detail)).status(status));
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent && pending.isEmpty()) {
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Connection resets, or a client pipelining more than the codec's depth (128): close.
    LOG.debug("Closing {} after {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
