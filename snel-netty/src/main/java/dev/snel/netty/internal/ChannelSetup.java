package dev.snel.netty.internal;

import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The per-connection pipeline: request deadline, HTTP/1.1 codec with the line and header
 * limits, idle timeout, body aggregation with the body limit, then Snel.
 */
public final class ChannelSetup extends ChannelInitializer<SocketChannel> {
  private final Snel app;
  private final ServerConfig config;
  private final Connections connections;

  /** The setup for connections of a server serving the app. */
  public ChannelSetup(Snel app, ServerConfig config, Connections connections) {
    this.app = app;
    this.config = config;
    this.connections = connections;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    RequestDeadline deadline = new RequestDeadline(config.requestTimeout());
    HttpDecoderConfig decoder =
        new HttpDecoderConfig()
            .setMaxInitialLineLength(config.maxRequestLineLength())
            .setMaxHeaderSize(config.maxHeaderSize());
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast("deadline", deadline);
    pipeline.addLast("codec", new HttpServerCodec(decoder));
    pipeline.addLast(
        "idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
    pipeline.addLast("body", new BodyLimit(config.maxBodySize()));
    pipeline.addLast("snel", new HttpHandler(app, connections, deadline));
  }
}
