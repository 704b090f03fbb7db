package dev.snel.netty;

import dev.snel.Snel;
import dev.snel.internal.json.Json;
import dev.snel.netty.internal.ChannelSetup;
import dev.snel.netty.internal.Connections;
import dev.snel.netty.internal.DateHeader;
import dev.snel.netty.internal.LoopThreads;
import dev.snel.netty.internal.ShutdownSignals;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ResourceLeakDetector;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a Snel app over HTTP/1.1 with Netty: keep-alive, pipelining, limits and timeouts, graceful
 * stop. The uvicorn of Snel.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   SnelServer.run(Snel.create().include(new Items()));   // HOST, PORT from the environment
 * }
 *
 * // in a test: a real socket on a free port
 * try (SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0))) {
 *   TestClient client = TestClient.of(server.baseUri());
 * }
 * }</pre>
 *
 * <p>Threading: Netty's I/O threads (epoll where available) read and write; each request's handler
 * runs on a virtual thread carried by its connection's I/O thread (see {@link
 * ServerConfig#offloadHandlers()}), on one of the JDK's default scheduler for {@code @Offload}
 * routes, or on the I/O thread itself for {@code @NonBlocking} routes. {@link #stop()} may be
 * called from any thread.
 */
public final class SnelServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SnelServer.class);

  /** How long a stop waits for the streams its closing of connections interrupted. */
  private static final Duration STOPPED_STREAMS_GRACE = Duration.ofSeconds(2);

  static {
    // Netty's leak detector samples buffers for Netty handler authors; Snel's buffers never reach
    // an app, and the sampled stack traces cost ~1 % of a request's CPU (Vert.x turns it off for
    // the same reason). Setting the property (as the tests do) keeps Netty's own choice.
    if (System.getProperty("io.netty.leakDetection.level") == null
        && System.getProperty("io.netty.leakDetectionLevel") == null) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }
  }

  private final Snel app;
  private final ServerConfig config;
  private final EventLoopGroup acceptor;
  private final EventLoopGroup group;
  private final Channel serverChannel;
  private final Connections connections;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private SnelServer(
      Snel app,
      ServerConfig config,
      EventLoopGroup acceptor,
      EventLoopGroup group,
      Channel serverChannel,
      Connections connections) {
    this.app = app;
    this.config = config;
    this.acceptor = acceptor;
    this.group = group;
    this.serverChannel = serverChannel;
    this.connections = connections;
  }

  /**
   * Starts the app ({@link Snel#start()}: its lifespans and startup hooks), then serves it; returns
   * once the port is bound.
   *
   * @throws IllegalStateException if the app's startup fails (nothing is bound then) or the port
   *     cannot be bound (the app is closed again)
   */
  public static SnelServer start(Snel app, ServerConfig config) {
    // off the first request's path, and beside the app's startup and Netty's on a second core
    Json.buildInBackground();
    app.start();
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channelType =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    int threads =
        config.ioThreads() > 0 ? config.ioThreads() : Runtime.getRuntime().availableProcessors();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, io);
    // Connections are accepted on a thread of their own: with accepts on the loop that serves
    // them, wrk's runs at 256 connections on one core saw requests stall for up to 590 ms, and
    // none beyond 75 ms with this (docs/benchmarks.md, sixth pass).
    EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, io);
    DateHeader.keepCurrent(group.next());
    Connections connections = new Connections();
    try {
      Channel channel =
          new ServerBootstrap()
              .group(acceptor, group)
              .channel(channelType)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .option(ChannelOption.SO_REUSEADDR, true)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelSetup(
                      app, config, connections, LoopThreads.create(!config.offloadHandlers())))
              .bind(config.host(), config.port())
              .sync()
              .channel();
      SnelServer server = new SnelServer(app, config, acceptor, group, channel, connections);
      LOG.info(
          "Snel running on {} ({}; press CTRL+C to quit)",
          server.baseUri(),
          epoll ? "epoll" : "nio");
      return server;
    } catch (InterruptedException e) {
      shutDown(acceptor, group);
      app.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while binding " + config.host() + ":" + config.port(), e);
    } catch (RuntimeException e) {
      shutDown(acceptor, group);
      app.close();
      throw new IllegalStateException(
          "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Serves the app on {@code HOST}:{@code PORT} from the environment (default 127.0.0.1:8000) until
   * the process is told to stop (SIGTERM, CTRL+C), then stops gracefully. See {@link #run(Snel,
   * ServerConfig)}.
   */
  public static void run(Snel app) {
    run(app, ServerConfig.fromEnvironment());
  }

  /**
   * Serves the app with this config until the process is told to stop, then stops gracefully and
   * exits, as uvicorn does:
   *
   * <ul>
   *   <li>on SIGTERM or SIGINT (CTRL+C): stops accepting connections, lets the requests in flight
   *       finish (up to the config's {@linkplain ServerConfig#shutdownTimeout() shutdown timeout}),
   *       waits for their background tasks (up to the app's {@linkplain
   *       Snel#shutdownTimeout(java.time.Duration) shutdown timeout}), runs the app's shutdown
   *       hooks and lifespan teardowns, then exits with 128 + the signal's number: 143 for SIGTERM,
   *       130 for SIGINT;
   *   <li>a second SIGTERM or SIGINT during that stop exits at once, with that signal's status;
   *   <li>if the app's startup fails, says why and exits with status 1;
   *   <li>if the server is stopped another way, returns.
   * </ul>
   */
  public static void run(Snel app, ServerConfig config) {
    SnelServer server;
    try {
      server = start(app, config);
    } catch (IllegalStateException e) {
      LOG.error("Snel did not start: {}", e.getMessage());
      System.exit(1);
      return;
    }
    ShutdownSignals signals = ShutdownSignals.install(server::stop);
    // for System.exit from elsewhere and the signals the JVM keeps (SIGHUP): still graceful
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "snel-shutdown-hook"));
    server.awaitStop();
    int status = signals.exitStatus();
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The port listened on (the chosen one when the config asked for 0). */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** {@code http://host:port}. */
  public URI baseUri() {
    return URI.create("http://" + config.host() + ":" + port());
  }

  /**
   * Stops gracefully: stops accepting, closes idle connections, lets requests in flight finish (up
   * to the config's shutdown timeout), then closes everything, the app last: it waits for the
   * background tasks, runs its shutdown hooks and lifespan teardowns, and closes its provided
   * singletons and app-scoped dependencies (see {@link Snel#close()}). Idempotent.
   */
  public void stop() {
    if (stopped.getCount() == 0) {
      return;
    }
    synchronized (this) {
      if (stopped.getCount() == 0) {
        return;
      }
      LOG.info("Shutting down; waiting for {} request(s) in flight", connections.inFlight());
      serverChannel.close().awaitUninterruptibly();
      connections.drain();
      awaitInFlight(System.nanoTime() + config.shutdownTimeout().toNanos());
      if (connections.inFlight() > 0) {
        LOG.warn(
            "{} request(s) still in flight after {}; closing their connections",
            connections.inFlight(),
            config.shutdownTimeout());
      }
      try {
        connections.closeAll();
        // A streamed body stopped by that close ends its request (cleanups, then the work after
        // the response) on the writer's own thread: give those a moment before the app closes
        // what they may still use. A writer that ignores its interrupt is not waited for long.
        awaitInFlight(System.nanoTime() + STOPPED_STREAMS_GRACE.toNanos());
        var unused = acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
        app.close();
        LOG.info("Stopped");
      } finally {
        stopped.countDown();
      }
    }
  }

  /** Stops the threads of a server that did not start. */
  private static void shutDown(EventLoopGroup acceptor, EventLoopGroup group) {
    var unusedAcceptor = acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    var unusedGroup = group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
  }

  /** Waits until no request is in flight, or until the deadline (of {@link System#nanoTime()}). */
  private void awaitInFlight(long deadline) {
    while (connections.inFlight() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Blocks until {@link #stop()} has finished. */
  public void awaitStop() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }
}
