package dev.snel.netty.internal;

import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One connection through snel-netty's whole pipeline ({@link ChannelSetup}) without a socket, on a
 * clock that moves only when told: for what happens at a given time (deadlines, timers), without
 * waiting for it. Runs everything on the test's thread; give it {@code @NonBlocking} routes.
 */
final class Embedded extends EmbeddedChannel {
  private static final InetSocketAddress CLIENT =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);

  private Embedded(Builder builder) {
    super(builder);
  }

  static Embedded open(Snel app, ServerConfig config) {
    return open(app, config, new Connections());
  }

  static Embedded open(Snel app, ServerConfig config, Connections connections) {
    Embedded channel =
        new Embedded(
            EmbeddedChannel.builder().handlers(new ChannelSetup(app, config, connections, null)));
    channel.freezeTime();
    return channel;
  }

  @Override
  public SocketAddress remoteAddress() {
    return CLIENT;
  }

  /** Sends bytes as the client; returns what the server wrote back meanwhile, as text. */
  String send(String bytes) {
    writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1));
    runPendingTasks();
    return written();
  }

  /** Lets the time pass and runs the timers due; returns what the server wrote meanwhile. */
  String after(long millis) {
    advanceTimeBy(millis, TimeUnit.MILLISECONDS);
    runScheduledPendingTasks();
    runPendingTasks();
    return written();
  }

  /** Everything written to the client since the last call. */
  String written() {
    StringBuilder text = new StringBuilder();
    for (Object out = readOutbound(); out != null; out = readOutbound()) {
      text.append(((ByteBuf) out).toString(StandardCharsets.ISO_8859_1));
      ReferenceCountUtil.release(out);
    }
    return text.toString();
  }
}
