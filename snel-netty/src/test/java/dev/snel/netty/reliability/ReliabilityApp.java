package dev.snel.netty.reliability;

import dev.snel.Get;
import dev.snel.Path;
import dev.snel.Post;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.util.internal.PlatformDependent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server the reliability suite attacks, run in its own JVM so that its memory and file
 * descriptors can be measured from outside. Prints {@code PORT <n>} on stdout once listening.
 *
 * <p>Timeouts come from the system properties {@code reliability.requestTimeout} and {@code
 * reliability.idleTimeout} (ISO-8601 durations), so the suite can wait seconds instead of the
 * defaults' minutes; every other limit is {@link ServerConfig#defaults()}.
 */
public final class ReliabilityApp {
  static final int BIG_SIZE = 256 * 1024;
  private static final byte[] BIG = new byte[BIG_SIZE];

  /** A validated JSON body. */
  public record Item(@Size(min = 1, max = 50) String name, @Positive double price) {}

  /** The routes; {@code /mark/{tag}} counts how often each tag was executed. */
  public static final class Routes {
    private final Map<String, AtomicLong> marks = new ConcurrentHashMap<>();

    @Get("/fast")
    public Response fast() {
      return Response.text("fast");
    }

    @Post("/items")
    public Item createItem(Item item) {
      return item;
    }

    @Get("/big")
    public Response big() {
      return Response.bytes(BIG, "application/octet-stream");
    }

    @Get("/slow")
    public Map<String, Object> slow(long ms) throws InterruptedException {
      Thread.sleep(ms);
      return Map.of("slept", ms);
    }

    /** Holds the request, body included, for a while before answering. */
    @Post("/slow-upload")
    public Map<String, Object> slowUpload(Request request, long ms) throws InterruptedException {
      Thread.sleep(ms);
      return Map.of("received", request.body().length);
    }

    @Get("/number")
    public Map<String, Object> number(double x) {
      return Map.of("x", x);
    }

    /** Sets a response header to what the client asked for, CR and LF included. */
    @Get("/header")
    public Response header(String value) {
      return Response.text("header set").header("x-echo", value);
    }

    @Get("/boom")
    public Response boom() {
      throw new IllegalStateException("boom");
    }

    @Get("/mark/{tag}")
    public Response mark(@Path("tag") String tag, Optional<Long> i) {
      marks.computeIfAbsent(tag, t -> new AtomicLong()).incrementAndGet();
      return Response.text("marked " + tag + i.map(n -> " " + n).orElse(""));
    }

    @Post("/mark/{tag}")
    public Response markPost(@Path("tag") String tag, Optional<Long> i) {
      return mark(tag, i);
    }

    /** How often a tag was executed, without executing it. */
    @Get("/_marks/{tag}")
    public Map<String, Object> marks(@Path("tag") String tag) {
      AtomicLong count = marks.get(tag);
      return Map.of("tag", tag, "count", count == null ? 0 : count.get());
    }

    /** Heap after a GC and the direct memory as Netty and the JDK count it, in bytes. */
    @Get("/_stats")
    public Map<String, Object> stats() {
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      Map<String, Object> stats = new LinkedHashMap<>();
      stats.put("heap", runtime.totalMemory() - runtime.freeMemory());
      stats.put("netty_direct", PlatformDependent.usedDirectMemory());
      stats.put("allocator_direct", allocatorDirect());
      stats.put("jdk_direct", jdkDirect());
      stats.put("threads", Thread.activeCount());
      return stats;
    }
  }

  private static long allocatorDirect() {
    if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider) {
      return provider.metric().usedDirectMemory();
    }
    return -1;
  }

  private static long jdkDirect() {
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        return pool.getMemoryUsed();
      }
    }
    return -1;
  }

  /** Starts the server on a free port and serves until the process is killed. */
  public static void main(String[] args) {
    ServerConfig config =
        ServerConfig.defaults()
            .port(0)
            .requestTimeout(
                Duration.parse(System.getProperty("reliability.requestTimeout", "PT30S")))
            .idleTimeout(Duration.parse(System.getProperty("reliability.idleTimeout", "PT60S")));
    SnelServer server = SnelServer.start(Snel.create().include(new Routes()), config);
    System.out.println("PORT " + server.port());
    System.out.flush();
    server.awaitStop();
  }
}
