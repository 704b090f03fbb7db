package dev.snel.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client of bench/streaming.sh: one Netty event loop (pin the JVM to one core) driving many
 * connections, counting what comes back.
 *
 * <ul>
 *   <li>{@code sse}: {@code C} connections each {@code GET /sse?n=<huge>}; counts events (a blank
 *       line, {@code \n\n}, ends each) and bytes.
 *   <li>{@code ws}: {@code C} WebSocket connections to {@code /ws}, each keeping {@code W} text
 *       messages of 13 bytes in flight: every echo received sends the next message.
 * </ul>
 *
 * <p>Usage: {@code StreamClient sse|ws PORT CONNECTIONS WINDOW WARMUP_S DURATION_S}. After the
 * warm-up, counts for the duration, then prints one line: {@code count=, seconds=, rate=,
 * bytes_per_s=, total=, total_seconds=, client_cpu_pct=} ({@code total} counts from the first
 * connection to the end, for the server's CPU per item; the client's CPU is over the window).
 *
 * <p>Threading: handlers run on the one event loop; the counters are read by the main thread.
 */
public final class StreamClient {
  private static final byte[] MESSAGE = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
  private static final AtomicLong ITEMS = new AtomicLong();
  private static final AtomicLong BYTES = new AtomicLong();

  private StreamClient() {}

  /** Runs one measurement; see the class comment. */
  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println("usage: StreamClient sse|ws PORT CONNECTIONS WINDOW WARMUP_S DURATION_S");
      System.exit(2);
    }
    String mode = args[0].toLowerCase(Locale.ROOT);
    int port = Integer.parseInt(args[1]);
    int connections = Integer.parseInt(args[2]);
    int window = Integer.parseInt(args[3]);
    long warmup = Long.parseLong(args[4]);
    long duration = Long.parseLong(args[5]);
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    switch (mode) {
                      case "sse" -> ch.pipeline().addLast(new EventCounter(port));
                      case "ws" ->
                          ch.pipeline()
                              .addLast(
                                  new HttpClientCodec(),
                                  new HttpObjectAggregator(8192),
                                  new WebSocketClientProtocolHandler(
                                      WebSocketClientHandshakerFactory.newHandshaker(
                                          URI.create("ws://127.0.0.1:" + port + "/ws"),
                                          WebSocketVersion.V13,
                                          null,
                                          false,
                                          new DefaultHttpHeaders())),
                                  new Echoes(window));
                      default -> throw new IllegalArgumentException("mode is sse or ws: " + mode);
                    }
                  }
                });
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long start = System.nanoTime();
    List<Channel> channels = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      channels.add(bootstrap.connect("127.0.0.1", port).sync().channel());
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
    long items0 = ITEMS.get();
    long bytes0 = BYTES.get();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(duration));
    long items1 = ITEMS.get();
    long bytes1 = BYTES.get();
    long cpu1 = os.getProcessCpuTime();
    long t1 = System.nanoTime();
    double seconds = (t1 - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "count=%d seconds=%.3f rate=%.0f bytes_per_s=%.0f total=%d total_seconds=%.3f"
            + " client_cpu_pct=%.0f%n",
        items1 - items0,
        seconds,
        (items1 - items0) / seconds,
        (bytes1 - bytes0) / seconds,
        items1,
        (t1 - start) / 1e9,
        100.0 * (cpu1 - cpu0) / (t1 - t0));
    for (Channel channel : channels) {
      var unused = channel.close();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  /** Sends one endless {@code /sse} request and counts the events in the raw response bytes. */
  static final class EventCounter extends ChannelInboundHandlerAdapter {
    private final int port;
    private boolean newline;

    EventCounter(int port) {
      this.port = port;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      byte[] request =
          ("GET /sse?n=1000000000000 HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      var unused = ctx.writeAndFlush(Unpooled.wrappedBuffer(request));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf bytes = (ByteBuf) msg;
      try {
        long events = 0;
        // chunk framing is "\r\n", so "\n\n" only ends an event
        for (int i = bytes.readerIndex(), end = bytes.writerIndex(); i < end; i++) {
          boolean nl = bytes.getByte(i) == '\n';
          if (nl && newline) {
            events++;
          }
          newline = nl;
        }
        ITEMS.addAndGet(events);
        BYTES.addAndGet(bytes.readableBytes());
      } finally {
        bytes.release();
      }
    }
  }

  /** Keeps {@code window} messages in flight on one WebSocket: each echo sends the next. */
  static final class Echoes extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    private final int window;

    Echoes(int window) {
      this.window = window;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
        for (int i = 0; i < window; i++) {
          var unused = ctx.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(MESSAGE)));
        }
        ctx.flush();
      }
      ctx.fireUserEventTriggered(event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
      ITEMS.incrementAndGet();
      BYTES.addAndGet(frame.content().readableBytes());
      var unused =
          ctx.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(MESSAGE)), ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }
  }
}
