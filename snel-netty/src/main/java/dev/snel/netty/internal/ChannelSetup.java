package dev.snel.netty.internal;

import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The per-connection pipeline: request deadline, HTTP/1.1 codec with the line and header limits,
 * the request-head checks, idle timeout, body aggregation with the body limit, then Snel; and the
 * write-buffer water marks that make a connection stop reading while its answers wait to be sent.
 * Upload streaming (before the aggregator) and the WebSocket handshake (before Snel) join a
 * connection's pipeline with its first request that needs them, so that plain requests never pass
 * them.
 */
public final class ChannelSetup extends ChannelInitializer<Channel> {
  private final Snel app;
  private final ServerConfig config;
  private final Connections connections;
  private final @Nullable LoopThreads loopThreads;

  /** Immutable, so one for all connections: each idle connection's bytes count (10,000 of them). */
  private final WriteBufferWaterMark waterMark;

  /**
   * The setup for connections of a server serving the app, its handlers on virtual threads of each
   * connection's event loop ({@code loopThreads}) or, when null, of the JDK's default scheduler;
   * also what the benchmarks install on an embedded channel, so that they measure exactly this
   * pipeline.
   */
  public ChannelSetup(
      Snel app, ServerConfig config, Connections connections, @Nullable LoopThreads loopThreads) {
    this.app = app;
    this.config = config;
    this.connections = connections;
    this.loopThreads = loopThreads;
    int highWater = config.writeBufferSize();
    this.waterMark = new WriteBufferWaterMark(highWater / 2, highWater);
  }

  @Override
  protected void initChannel(Channel channel) {
    RequestDeadline deadline = new RequestDeadline(config.requestTimeout());
    HttpDecoderConfig decoder =
        new HttpDecoderConfig()
            .setMaxInitialLineLength(config.maxRequestLineLength())
            .setMaxHeaderSize(config.maxHeaderSize());
    channel.config().setWriteBufferWaterMark(waterMark);
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast("deadline", deadline);
    // The codec's own pipelining bound must never be hit: HttpHandler bounds it, answering in
    // order.
    pipeline.addLast("codec", new HttpServerCodec(decoder, Integer.MAX_VALUE));
    ReadGate gate = new ReadGate();
    pipeline.addLast("gate", gate);
    pipeline.addLast("guard", new RequestGuard(config.maxBodySize(), config.maxUploadSize(), this));
    IdleTimeout idle = new IdleTimeout(config.idleTimeout());
    pipeline.addLast("idle", idle);
    // "uploads" goes here, "websocket" after "body": see streamUploads and acceptWebSockets
    pipeline.addLast("body", new BodyLimit(config.maxBodySize()));
    pipeline.addLast(
        "snel",
        new HttpHandler(
            app,
            connections,
            deadline,
            idle,
            gate,
            config.maxPipelinedRequests(),
            handlerThreads(channel)));
  }

  /** The connection's handler threads: its event loop's, or null for the JDK's default. */
  private @Nullable Executor handlerThreads(Channel channel) {
    return loopThreads == null ? null : loopThreads.on(channel.eventLoop());
  }

  /**
   * Streams the connection's multipart bodies past the aggregator from now on: {@link RequestGuard}
   * adds this for a connection's first multipart request, before the request goes on.
   */
  void streamUploads(ChannelPipeline pipeline) {
    pipeline.addBefore(
        "body",
        "uploads",
        new UploadStreams(
            config.maxUploadSize(),
            config.maxBodySize(),
            config.requestTimeout(),
            pipeline.get(ReadGate.class),
            pipeline.get(RequestDeadline.class)));
  }

  /**
   * Takes WebSocket handshakes out of the connection's HTTP requests from now on: {@link
   * RequestGuard} adds this for a connection's first request with an {@code Upgrade} header.
   */
  void acceptWebSockets(ChannelPipeline pipeline) {
    pipeline.addBefore(
        "snel",
        "websocket",
        new WebSocketUpgrade(
            app,
            config,
            connections,
            pipeline.get(RequestDeadline.class),
            pipeline.get(ReadGate.class),
            handlerThreads(pipeline.channel())));
  }
}
