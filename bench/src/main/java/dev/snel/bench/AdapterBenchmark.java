package dev.snel.bench;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.internal.ChannelSetup;
import dev.snel.netty.internal.Connections;
import dev.snel.netty.internal.LoopThreads;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One keep-alive connection without a socket: request bytes in, response bytes out, through Netty's
 * HTTP codec and aggregator, into either {@link RawNettyServer}'s handler or Snel's server pipeline
 * (installed by snel-netty's own {@code ChannelSetup}: request deadline, codec, request checks,
 * idle timeout, body limit, Snel's HTTP handler) with the {@code @NonBlocking} app, so everything
 * stays on this thread. The difference is what snel-netty's adapter plus the core cost per request,
 * with Netty's own parsing and encoding on both sides.
 *
 * <p>{@link #snelDefault} is the same pipeline with the default dispatch, a virtual thread per
 * request on the connection's event loop ({@code LoopThreads}, which needs the JVM's {@code
 * --add-opens}): a handler that does not block runs to its end within the read, so the difference
 * to {@link #snelNonBlocking} is what starting and ending the virtual thread costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdapterBenchmark {
  /**
   * The request targets, as wrk sends them in the load tests; {@code POST /users} sends the peer
   * harness's user.
   */
  @Param({"/items/5?q=x", "/json", "/plaintext", "POST /users"})
  public String target;

  private static final String USER =
      "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password\":\"secret123\"}";

  private ByteBuf request;
  private EmbeddedChannel raw;
  private EmbeddedChannel snel;
  private EmbeddedChannel snelDefault;

  /** An embedded channel with a client address, which Snel's handler reads. */
  static final class Connection extends EmbeddedChannel {
    private static final InetSocketAddress CLIENT =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);

    Connection(ChannelHandler... handlers) {
      super(handlers);
    }

    @Override
    public SocketAddress remoteAddress() {
      return CLIENT;
    }
  }

  /** Opens both connections and checks that they answer alike. */
  @Setup
  public void setUp() {
    String text =
        target.startsWith("POST ")
            ? target
                + " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + USER.length()
                + "\r\n\r\n"
                + USER
            : "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n";
    request = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    raw =
        new Connection(
            new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new RawNettyServer.Handler());
    snel =
        new Connection(
            new ChannelSetup(
                SnelBenchApp.app(true), ServerConfig.defaults(), new Connections(), null));
    LoopThreads loopThreads = LoopThreads.create(true);
    snelDefault =
        loopThreads == null
            ? snel
            : new Connection(
                new ChannelSetup(
                    SnelBenchApp.app(false),
                    ServerConfig.defaults(),
                    new Connections(),
                    loopThreads));
    String rawAnswer = body(exchange(raw));
    for (EmbeddedChannel channel : new EmbeddedChannel[] {snel, snelDefault}) {
      String snelAnswer = body(exchange(channel));
      if (!rawAnswer.equals(snelAnswer)) {
        throw new IllegalStateException("raw answered " + rawAnswer + " but Snel " + snelAnswer);
      }
    }
  }

  /** Closes both connections. */
  @TearDown
  public void tearDown() {
    raw.finishAndReleaseAll();
    snel.finishAndReleaseAll();
    snelDefault.finishAndReleaseAll();
  }

  /** Sends the request and returns all bytes written back. */
  private ByteBuf exchange(EmbeddedChannel channel) {
    channel.writeInbound(request.duplicate());
    channel.runPendingTasks();
    ByteBuf out = Unpooled.buffer();
    for (Object written = channel.readOutbound();
        written != null;
        written = channel.readOutbound()) {
      out.writeBytes((ByteBuf) written);
      ReferenceCountUtil.release(written);
    }
    return out;
  }

  private static String body(ByteBuf response) {
    String text = response.toString(StandardCharsets.UTF_8);
    return text.substring(text.indexOf("\r\n\r\n") + 4);
  }

  /** Sends the request through the pipeline; returns the response's size in bytes. */
  private static int roundTrip(EmbeddedChannel channel, ByteBuf request) {
    channel.writeInbound(request.duplicate());
    int bytes = 0;
    for (Object written = channel.readOutbound();
        written != null;
        written = channel.readOutbound()) {
      bytes += ((ByteBuf) written).readableBytes();
      ReferenceCountUtil.release(written);
    }
    return bytes;
  }

  /** Reference: codec, aggregator and a hand-written handler. */
  @Benchmark
  public int rawNetty() {
    return roundTrip(raw, request);
  }

  /** Snel's server pipeline and the core, every route {@code @NonBlocking}. */
  @Benchmark
  public int snelNonBlocking() {
    return roundTrip(snel, request);
  }

  /** The default dispatch: a virtual thread per request, on the connection's event loop. */
  @Benchmark
  @Fork(jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
  public int snelDefault() {
    return roundTrip(snelDefault, request);
  }
}
