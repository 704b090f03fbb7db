package dev.snel.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference for the load tests: a hand-written Netty HTTP/1.1 server with the three GET
 * endpoints of {@link SnelBenchApp}, and nothing else. Epoll when available, {@code
 * HttpServerCodec} + {@code HttpObjectAggregator} + one handler, responses flushed once per read
 * batch, the same Jackson as Snel, and as many I/O threads as Snel's server uses (one per available
 * processor).
 *
 * <ul>
 *   <li>{@code GET /plaintext} → {@code Hello, World!} (text/plain)
 *   <li>{@code GET /json} → {@code {"message":"Hello, World!"}}
 *   <li>{@code GET /items/{id}?q=} → {@code {"item_id":id,"query_param":q}}; a non-integer id: 422
 * </ul>
 *
 * <p>Listens on 127.0.0.1:{@code PORT} (default 8080). Threading: the handler runs on the channel's
 * event loop only; it is created per connection.
 */
public final class RawNettyServer {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final byte[] PLAIN = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NOT_FOUND =
      "{\"detail\":\"Not Found\"}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BAD_ID =
      "{\"detail\":\"item_id is not an integer\"}".getBytes(StandardCharsets.US_ASCII);
  private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=utf-8");
  private static final AsciiString APP_JSON = AsciiString.cached("application/json");
  private static volatile AsciiString date = now();

  private RawNettyServer() {}

  /** Serves until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channelType =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), io);
    var unusedClock = group.scheduleAtFixedRate(() -> date = now(), 1, 1, TimeUnit.SECONDS);
    Channel server =
        new ServerBootstrap()
            .group(group)
            .channel(channelType)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel
                        .pipeline()
                        .addLast(
                            new HttpServerCodec(),
                            new HttpObjectAggregator(1 << 20),
                            new Handler());
                  }
                })
            .bind("127.0.0.1", port)
            .sync()
            .channel();
    System.out.println(
        "raw Netty listening on 127.0.0.1:" + port + " (" + (epoll ? "epoll" : "nio") + ")");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  var unused = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
                }));
    server.closeFuture().sync();
  }

  private static AsciiString now() {
    return new AsciiString(
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
  }

  /** One connection's requests. */
  static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      FullHttpResponse response = respond(request);
      if (HttpUtil.isKeepAlive(request)) {
        var unused = ctx.write(response, ctx.voidPromise());
      } else {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      var unused = ctx.close();
    }
  }

  static FullHttpResponse respond(FullHttpRequest request) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String path = uri.path();
    if (!HttpMethod.GET.equals(request.method())) {
      return response(HttpResponseStatus.NOT_FOUND, APP_JSON, NOT_FOUND);
    }
    if (path.equals("/plaintext")) {
      return response(HttpResponseStatus.OK, TEXT_PLAIN, PLAIN);
    }
    if (path.equals("/json")) {
      return response(
          HttpResponseStatus.OK,
          APP_JSON,
          MAPPER.writeValueAsBytes(new SnelBenchApp.Message("Hello, World!")));
    }
    if (path.startsWith("/items/") && path.indexOf('/', 7) < 0) {
      long id;
      try {
        id = Long.parseLong(path.substring(7));
      } catch (NumberFormatException e) {
        return response(HttpResponseStatus.UNPROCESSABLE_ENTITY, APP_JSON, BAD_ID);
      }
      List<String> q = uri.parameters().get("q");
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("item_id", id);
      body.put("query_param", q == null || q.isEmpty() ? null : q.get(q.size() - 1));
      return response(HttpResponseStatus.OK, APP_JSON, MAPPER.writeValueAsBytes(body));
    }
    return response(HttpResponseStatus.NOT_FOUND, APP_JSON, NOT_FOUND);
  }

  private static FullHttpResponse response(
      HttpResponseStatus status, AsciiString type, byte[] body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, type)
        .set(HttpHeaderNames.DATE, date)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return response;
  }
}
