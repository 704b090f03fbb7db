package dev.snel.netty.internal;

import dev.snel.Request;
import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.Base64;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Takes a WebSocket handshake out of the HTTP pipeline: a GET with {@code Upgrade: websocket} to a
 * path a {@code @WebSocket} route has, arriving when no earlier request of the connection waits for
 * its answer. Any other request, an upgrade to another path included, goes on to {@link
 * HttpHandler} as ordinary HTTP. A malformed handshake is answered here (400, or 426 for another
 * protocol version) before the app runs.
 *
 * <p>While the app decides (its dependencies, then accept or refuse), the connection is not read;
 * anything the client sends before the answer breaks RFC 6455 §4.1 and closes the connection.
 *
 * <p>Sits between the body aggregator and {@link HttpHandler}; runs on the channel's event loop.
 */
final class WebSocketUpgrade extends ChannelInboundHandlerAdapter {
  private final Snel app;
  private final ServerConfig config;
  private final Connections connections;
  private final RequestDeadline deadline;
  private final ReadGate gate;
  private @Nullable WebSocketConnection pending;

  /** Where sessions run: virtual threads on this connection's event loop; null for the app's. */
  private final @Nullable Executor sessionThreads;

  WebSocketUpgrade(
      Snel app,
      ServerConfig config,
      Connections connections,
      RequestDeadline deadline,
      ReadGate gate,
      @Nullable Executor sessionThreads) {
    this.sessionThreads = sessionThreads;
    this.app = app;
    this.config = config;
    this.connections = connections;
    this.deadline = deadline;
    this.gate = gate;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (pending != null) {
      ReferenceCountUtil.release(msg); // data before the handshake's answer
      var unused = ctx.close();
      return;
    }
    if (!(msg instanceof FullHttpRequest request) || !isUpgrade(request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    HttpHandler http = ctx.pipeline().get(HttpHandler.class);
    if ((http != null && !http.idle()) || !isWebSocket(request.uri())) {
      ctx.fireChannelRead(msg); // pipelined behind other requests, or no WebSocket there
      return;
    }
    try {
      deadline.requestComplete();
      upgrade(ctx, request);
    } finally {
      request.release();
    }
  }

  /** RFC 6455 §4.1's request line and Upgrade header; the rest is checked in {@link #upgrade}. */
  private static boolean isUpgrade(FullHttpRequest request) {
    return request.decoderResult().isSuccess()
        && request.method().equals(HttpMethod.GET)
        && request.protocolVersion().equals(HttpVersion.HTTP_1_1)
        && request
            .headers()
            .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
    HttpHeaders headers = request.headers();
    if (!headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)) {
      refuse(ctx, HttpResponseStatus.BAD_REQUEST, "Missing Connection: Upgrade header", null);
      return;
    }
    if (!"13".equals(headers.get(HttpHeaderNames.SEC_WEBSOCKET_VERSION))) {
      refuse(ctx, HttpResponseStatus.UPGRADE_REQUIRED, "Unsupported WebSocket version", "13");
      return;
    }
    if (!isValidKey(headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_KEY))) {
      refuse(ctx, HttpResponseStatus.BAD_REQUEST, "Invalid Sec-WebSocket-Key header", null);
      return;
    }
    Request snelRequest;
    try {
      snelRequest = HttpHandler.toRequest(ctx, request);
    } catch (IllegalArgumentException e) { // a header Snel's Headers refuse
      refuse(ctx, HttpResponseStatus.BAD_REQUEST, "Invalid HTTP request", null);
      return;
    }
    // the handshaker needs the request later, on accept: a copy without a body, owned here
    FullHttpRequest handshake =
        new DefaultFullHttpRequest(
            request.protocolVersion(),
            request.method(),
            request.uri(),
            Unpooled.EMPTY_BUFFER,
            headers.copy(),
            request.trailingHeaders().copy());
    WebSocketConnection connection =
        new WebSocketConnection(ctx.channel(), handshake, config, connections);
    pending = connection;
    gate.hold(ctx.channel(), true); // auto-read off too
    connections.requestStarted();
    Executor threads = sessionThreads;
    if (threads == null) {
      app.handleWebSocket(snelRequest, connection);
    } else {
      app.handleWebSocket(snelRequest, connection, threads);
    }
  }

  /** RFC 6455 §4.2.1: one key, the base64 of 16 bytes. */
  private static boolean isValidKey(java.util.List<String> keys) {
    if (keys.size() != 1) {
      return false;
    }
    try {
      return Base64.getDecoder().decode(keys.get(0).strip()).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void refuse(
      ChannelHandlerContext ctx,
      HttpResponseStatus status,
      String detail,
      @Nullable String version) {
    FullHttpResponse response = ErrorResponses.json(status, detail, true);
    if (version != null) {
      response.headers().set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, version);
    }
    LingeringClose.after(ctx.writeAndFlush(response));
  }

  /** Whether a WebSocket route has the target's path, decoded as routing decodes it. */
  private boolean isWebSocket(String target) {
    try {
      return app.isWebSocket(Request.builder("GET", target).build().path());
    } catch (RuntimeException e) { // a path that does not decode: HTTP answers it
      return false;
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (pending != null && event instanceof IdleStateEvent) {
      return; // the app is deciding; the HTTP idle timeout does not apply
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    WebSocketConnection connection = pending;
    if (connection != null) {
      connection.dropped();
    }
    ctx.fireChannelInactive();
  }
}
