package dev.snel.netty.internal;

import dev.snel.Response;
import dev.snel.internal.websocket.CloseCodes;
import dev.snel.internal.websocket.WebSocketTransport;
import dev.snel.netty.ServerConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection on the server: the app's transport, and, once accepted, the last handler
 * of the channel, after Netty's frame decoder, UTF-8 validator and message aggregator.
 *
 * <p>What it may cost is bounded: a message is at most {@code maxWebSocketMessageSize} bytes (else
 * 1009 and the connection closes); at most {@link #HIGH_WATER} messages wait for the handler before
 * the connection stops being read (the client's TCP window fills, not the server's memory); a send
 * waits while the channel's outbound buffer is over its high water mark, and gives up (closing the
 * connection) if the client reads nothing for the idle timeout. A connection silent for half the
 * idle timeout is pinged; silent for the whole of it (a client that answers no ping), it is closed
 * with 1001. A client slowly reading a long stream is not idle: the server's output progresses.
 *
 * <p>Threading: frames, the close handshake and pipeline changes run on the channel's event loop;
 * the transport's methods are called from the handler's virtual thread and hop to the event loop or
 * block on it.
 */
final class WebSocketConnection extends ChannelInboundHandlerAdapter implements WebSocketTransport {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);

  /** Messages waiting for the handler before the connection stops being read. */
  static final int HIGH_WATER = 16;

  /** How long the server waits for the client's close frame after sending its own. */
  static final long CLOSE_TIMEOUT_MILLIS = 2_000;

  private static final long HANDSHAKE_TIMEOUT_MILLIS = 30_000;

  private final Channel channel;
  private final FullHttpRequest handshake;
  private final ServerConfig config;
  private final Connections connections;
  private final LinkedBlockingQueue<Message> inbound = new LinkedBlockingQueue<>();
  private final AtomicBoolean finished = new AtomicBoolean();
  private final Object writability = new Object();
  private volatile boolean accepted;
  private volatile boolean goingAway;
  private volatile @Nullable Close received;
  private volatile @Nullable Close sent;

  // the event loop's: when the client last sent a frame, and when the server last pinged it
  private long lastReadAt;
  private long pingedAt;

  WebSocketConnection(
      Channel channel, FullHttpRequest handshake, ServerConfig config, Connections connections) {
    this.channel = channel;
    this.handshake = handshake;
    this.config = config;
    this.connections = connections;
  }

  // --- the transport, on the handler's thread

  @Override
  public void accept(@Nullable String subprotocol) throws Gone, InterruptedException {
    ChannelPromise done = channel.newPromise();
    channel.eventLoop().execute(() -> handshake(subprotocol, done));
    try {
      done.get(HANDSHAKE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      var unused = channel.close();
      Close gone = received;
      throw gone != null ? new Gone(gone.code(), gone.reason()) : abnormal();
    }
  }

  private void handshake(@Nullable String subprotocol, ChannelPromise done) {
    if (!channel.isActive() || goingAway) {
      done.setFailure(new IllegalStateException("the connection is gone"));
      return;
    }
    WebSocketDecoderConfig decoder =
        WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(config.maxWebSocketMessageSize())
            .allowExtensions(false)
            .allowMaskMismatch(false)
            .closeOnProtocolViolation(true)
            .withUTF8Validator(false) // added below, as WebSocketServerProtocolHandler does
            .build();
    String url = "ws://" + handshake.headers().get(HttpHeaderNames.HOST, "") + handshake.uri();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(url, subprotocol, decoder).newHandshaker(handshake);
    if (handshaker == null) { // WebSocketUpgrade checked the version
      done.setFailure(new IllegalStateException("unsupported WebSocket version"));
      return;
    }
    ChannelPipeline pipeline = channel.pipeline();
    for (String http : new String[] {"deadline", "gate", "guard", "idle", "websocket", "snel"}) {
      if (pipeline.get(http) != null) {
        pipeline.remove(http);
      }
    }
    // the handshaker adds the frame decoder and encoder, and removes the HTTP codec and aggregator
    handshaker.handshake(channel, handshake, null, done);
    // A session answering a batch of messages read together sends each with a flush; its thread
    // runs them all before the loop's next task, so one flush (one system call) covers the batch.
    pipeline.addFirst(
        "ws-flushes",
        new FlushConsolidationHandler(
            FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
    long idle = config.webSocketIdleTimeout().toMillis();
    pipeline.addLast("ws-utf8", new Utf8FrameValidator(true));
    pipeline.addLast("ws-message", new MessageLimit(config.maxWebSocketMessageSize()));
    // all-idle observing output: a client reading a long stream slowly is not idle
    pipeline.addLast("ws-idle", new IdleStateHandler(true, 0, 0, idle / 2, TimeUnit.MILLISECONDS));
    pipeline.addLast("ws", this);
    done.addListener(
        f -> {
          if (f.isSuccess()) {
            accepted = true;
            channel.config().setAutoRead(true);
          }
        });
  }

  @Override
  public void refuse(Response response) {
    channel
        .eventLoop()
        .execute(
            () -> {
              byte[] body = response.body();
              FullHttpResponse out =
                  new DefaultFullHttpResponse(
                      HttpVersion.HTTP_1_1,
                      Statuses.of(response.status()),
                      body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
              HttpHeaders headers = out.headers();
              response.headers().forEach(headers::add);
              headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
              headers.set(HttpHeaderNames.DATE, DateHeader.now());
              headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
              LingeringClose.after(channel.writeAndFlush(out));
            });
  }

  @Override
  public Message receive() throws InterruptedException {
    Message message = inbound.take();
    if (message instanceof Close) {
      inbound.add(message); // every later receive sees the close too
    } else if (inbound.size() <= HIGH_WATER / 2 && !channel.config().isAutoRead()) {
      channel.eventLoop().execute(this::resumeReading);
    }
    return message;
  }

  private void resumeReading() {
    if (accepted && channel.isActive() && inbound.size() <= HIGH_WATER / 2) {
      channel.config().setAutoRead(true);
    }
  }

  @Override
  public void send(Message message) throws Gone, InterruptedException {
    awaitWritable();
    WebSocketFrame frame =
        switch (message) {
          case Text text -> new TextWebSocketFrame(text.text());
          case Binary binary -> new BinaryWebSocketFrame(Unpooled.wrappedBuffer(binary.bytes()));
          case Close close -> new CloseWebSocketFrame(close.code(), close.reason());
        };
    var unused = channel.writeAndFlush(frame);
  }

  /**
   * Waits while the client has not read what was sent before; the connection closes if it reads
   * nothing for the idle timeout.
   */
  private void awaitWritable() throws Gone, InterruptedException {
    long deadline = System.nanoTime() + config.webSocketIdleTimeout().toNanos();
    synchronized (writability) {
      while (open() && !channel.isWritable()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          LOG.debug("Closing {}: the client stopped reading", channel.remoteAddress());
          var unused = channel.close();
          break;
        }
        writability.wait(Math.min(left, 100));
      }
    }
    if (!open()) {
      Close gone = received;
      throw gone != null ? new Gone(gone.code(), gone.reason()) : abnormal();
    }
  }

  private boolean open() {
    return channel.isActive() && sent == null;
  }

  @Override
  public void close(int code, String reason) {
    channel.eventLoop().execute(() -> sendClose(code, reason));
  }

  /** Starts the close handshake, once; the connection ends when the client answers, or later. */
  private void sendClose(int code, String reason) {
    if (sent != null || !channel.isActive()) {
      return;
    }
    sent = new Close(code, reason);
    var unused = channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
    Runnable hangUp =
        () -> {
          var closed = channel.close();
        };
    var unusedTimer =
        channel.eventLoop().schedule(hangUp, CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void finished() {
    if (finished.compareAndSet(false, true)) {
      connections.requestFinished();
    }
  }

  /** The server is stopping: close with 1001, and the handler's next receive ends. */
  void goingAway() {
    goingAway = true;
    if (accepted) {
      deliver(new Close(CloseCodes.GOING_AWAY, "Server shutting down"));
      sendClose(CloseCodes.GOING_AWAY, "Server shutting down");
    }
  }

  /** The connection dropped before the handshake was answered. */
  void dropped() {
    deliver(new Close(CloseCodes.ABNORMAL, ""));
  }

  private void deliver(Close close) {
    if (received == null) {
      received = close;
      inbound.add(close);
    }
  }

  private static Gone abnormal() {
    return new Gone(CloseCodes.ABNORMAL, "");
  }

  // --- the channel, on the event loop

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    lastReadAt = System.nanoTime();
    try {
      switch (msg) {
        case TextWebSocketFrame text -> queue(ctx, new Text(text.text()));
        case BinaryWebSocketFrame binary ->
            queue(ctx, new Binary(ByteBufUtil.getBytes(binary.content())));
        case PingWebSocketFrame ping -> {
          if (ctx.channel().isWritable() && sent == null) { // a flood of pings is not queued
            var unused = ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
          }
        }
        case CloseWebSocketFrame close -> closedByClient(ctx, close);
        case ByteBuf early when early.isReadable() -> {
          // bytes the HTTP decoder held: sent before the handshake's answer (RFC 6455 §4.1)
          LOG.debug(
              "Closing {}: data before the handshake's answer", ctx.channel().remoteAddress());
          var unused = ctx.close();
        }
        default -> {} // a pong: the read itself is what counts
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void queue(ChannelHandlerContext ctx, Message message) {
    if (received != null) {
      return; // after the client's close or the server's going away: nothing more is read
    }
    inbound.add(message);
    if (inbound.size() >= HIGH_WATER) {
      ctx.channel().config().setAutoRead(false);
    }
  }

  private void closedByClient(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
    int code = close.statusCode();
    deliver(new Close(code < 0 ? 1005 : code, code < 0 ? "" : close.reasonText()));
    if (sent == null) { // answer the close with the same code (RFC 6455 §5.5.1)
      sent = new Close(code, "");
      var unused =
          ctx.writeAndFlush(
                  code < 0
                      ? new CloseWebSocketFrame(true, 0, Unpooled.EMPTY_BUFFER)
                      : new CloseWebSocketFrame(code, ""))
              .addListener(ChannelFutureListener.CLOSE);
    } else {
      var unused = ctx.close(); // the answer to the server's close
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE) {
      if (!ctx.channel().config().isAutoRead()) {
        pingedAt = 0; // not read because the handler is behind: the client is not idle
      } else if (pingedAt != 0 && lastReadAt - pingedAt < 0) { // nothing since the last ping
        deliver(new Close(CloseCodes.GOING_AWAY, "Idle timeout"));
        sendClose(CloseCodes.GOING_AWAY, "Idle timeout");
      } else {
        pingedAt = System.nanoTime();
        var unused = ctx.writeAndFlush(new PingWebSocketFrame());
      }
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    synchronized (writability) {
      writability.notifyAll();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    deliver(new Close(CloseCodes.ABNORMAL, ""));
    synchronized (writability) {
      writability.notifyAll();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof CorruptedWebSocketFrameException corrupt) {
      // the decoder (or MessageLimit) sent the close frame already and closes the connection
      WebSocketCloseStatus status = corrupt.closeStatus();
      sent = new Close(status.code(), status.reasonText());
      deliver(new Close(status.code(), CloseCodes.fit(String.valueOf(corrupt.getMessage()))));
      LOG.debug("Closing {}: {}", ctx.channel().remoteAddress(), corrupt.getMessage());
      return;
    }
    LOG.debug("Closing {} after {}", ctx.channel().remoteAddress(), cause.toString());
    var unused = ctx.close();
  }

  /** Netty's message aggregator answering a message over the limit with 1009. */
  private static final class MessageLimit extends WebSocketFrameAggregator {
    MessageLimit(int maxMessageSize) {
      super(maxMessageSize);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, WebSocketFrame oversized) {
      String reason = "Message larger than " + maxContentLength() + " bytes";
      var unused =
          ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG, reason))
              .addListener(ChannelFutureListener.CLOSE);
      ctx.fireExceptionCaught(
          new CorruptedWebSocketFrameException(WebSocketCloseStatus.MESSAGE_TOO_BIG, reason));
    }
  }
}
