package dev.snel.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultFileRegion;
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
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
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
 *   <li>{@code POST /users} → 201 with the created user, checked by hand as the peer harness's
 *       Netty app does (lengths, an e-mail pattern); a failed check or malformed JSON: 422
 *   <li>{@code GET /static/{file}} → a file of the folder {@code STATIC_DIR}, zero-copy (a {@link
 *       DefaultFileRegion}, i.e. {@code sendfile}), opened per request as Snel's {@code
 *       StaticFiles} does; with content-type, content-length, date and last-modified
 *   <li>{@code GET /sse?n=} → {@code n} events {@code data: {"message":"Hello, World!"}}, the same
 *       bytes as Snel's, one HTTP chunk each, flushed each (as Snel flushes every event), written
 *       while the channel is writable
 *   <li>{@code WebSocket /ws} → Netty's {@code WebSocketServerProtocolHandler} and an echo handler,
 *       flushing once per read batch
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
  private static final byte[] BAD_USER =
      "{\"detail\":\"invalid user\"}".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=utf-8");
  private static final AsciiString APP_JSON = AsciiString.cached("application/json");
  private static final AsciiString OCTETS = AsciiString.cached("application/octet-stream");
  private static final AsciiString EVENT_STREAM =
      AsciiString.cached("text/event-stream; charset=utf-8");
  private static final byte[] EVENT =
      "data: {\"message\":\"Hello, World!\"}\n\n".getBytes(StandardCharsets.US_ASCII);
  private static final @org.jspecify.annotations.Nullable Path FILES =
      System.getenv("STATIC_DIR") == null ? null : Path.of(System.getenv("STATIC_DIR"));
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
                            new WebSocketServerProtocolHandler("/ws"),
                            new Handler(),
                            new Echo());
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

  /** One connection's WebSocket messages, after the upgrade: each text message is echoed. */
  static final class Echo extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
      // flushed by Handler.channelReadComplete, once per read batch
      var unused = ctx.write(new TextWebSocketFrame(frame.content().retain()), ctx.voidPromise());
    }
  }

  /** One connection's requests. */
  static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** Events of the current {@code /sse} response still to send; 0 when none streams. */
    private long events;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      String path = new QueryStringDecoder(request.uri()).path();
      Path files = FILES;
      if (files != null && path.startsWith("/static/") && HttpMethod.GET.equals(request.method())) {
        sendFile(ctx, request, files, files.resolve(path.substring(8)).normalize());
        return;
      }
      if (path.equals("/sse") && HttpMethod.GET.equals(request.method())) {
        List<String> n = new QueryStringDecoder(request.uri()).parameters().get("n");
        events = n == null ? 0 : Long.parseLong(n.get(0));
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, EVENT_STREAM)
            .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
            .set(HttpHeaderNames.DATE, date)
            .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        var unused = ctx.writeAndFlush(head, ctx.voidPromise());
        pump(ctx);
        return;
      }
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
      ctx.flush(); // also flushes Echo's writes
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      pump(ctx);
      ctx.fireChannelWritabilityChanged();
    }

    /** Sends events, one flushed chunk each, until done or the channel is over its water mark. */
    private void pump(ChannelHandlerContext ctx) {
      if (events == 0) {
        return;
      }
      while (events > 0 && ctx.channel().isWritable()) {
        events--;
        var unused =
            ctx.writeAndFlush(
                new DefaultHttpContent(Unpooled.wrappedBuffer(EVENT)), ctx.voidPromise());
      }
      if (events == 0) {
        var unused = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, ctx.voidPromise());
      }
    }

    private static void sendFile(
        ChannelHandlerContext ctx, FullHttpRequest request, Path files, Path file) {
      FileChannel channel;
      long length;
      long modified;
      try {
        if (!file.startsWith(files) || !Files.isRegularFile(file)) {
          throw new IOException("not a file");
        }
        channel = FileChannel.open(file, StandardOpenOption.READ);
        length = channel.size();
        modified = Files.getLastModifiedTime(file).toMillis();
      } catch (IOException e) {
        var unused = ctx.writeAndFlush(response(HttpResponseStatus.NOT_FOUND, APP_JSON, NOT_FOUND));
        return;
      }
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      head.headers()
          .set(HttpHeaderNames.CONTENT_TYPE, OCTETS)
          .set(HttpHeaderNames.DATE, date)
          .set(
              HttpHeaderNames.LAST_MODIFIED,
              DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  java.time.Instant.ofEpochMilli(modified).atZone(ZoneOffset.UTC)))
          .set(HttpHeaderNames.CONTENT_LENGTH, length);
      var unused = ctx.write(head, ctx.voidPromise());
      var unused2 = ctx.write(new DefaultFileRegion(channel, 0, length), ctx.voidPromise());
      if (HttpUtil.isKeepAlive(request)) {
        var unused3 = ctx.write(LastHttpContent.EMPTY_LAST_CONTENT, ctx.voidPromise());
      } else {
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
            .addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      var unused = ctx.close();
    }
  }

  static FullHttpResponse respond(FullHttpRequest request) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String path = uri.path();
    if (HttpMethod.POST.equals(request.method()) && path.equals("/users")) {
      return createUser(request);
    }
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

  private static FullHttpResponse createUser(FullHttpRequest request) {
    SnelBenchApp.UserIn user;
    try {
      user =
          MAPPER.readValue(
              (InputStream) new ByteBufInputStream(request.content()), SnelBenchApp.UserIn.class);
    } catch (JacksonException e) {
      return response(HttpResponseStatus.UNPROCESSABLE_ENTITY, APP_JSON, BAD_USER);
    }
    if (user == null
        || !lengthWithin(user.username(), 3, 50)
        || user.email() == null
        || !EMAIL.matcher(user.email()).matches()
        || !lengthWithin(user.password(), 8, Integer.MAX_VALUE)) {
      return response(HttpResponseStatus.UNPROCESSABLE_ENTITY, APP_JSON, BAD_USER);
    }
    return response(
        HttpResponseStatus.CREATED,
        APP_JSON,
        MAPPER.writeValueAsBytes(
            new SnelBenchApp.UserOut(1, user.username(), user.email(), "2024-01-01T00:00:00")));
  }

  private static boolean lengthWithin(@Nullable String text, int min, int max) {
    if (text == null) {
      return false;
    }
    int length = text.codePointCount(0, text.length());
    return length >= min && length <= max;
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
