package dev.snel.netty.internal;

import dev.snel.internal.threads.VirtualThreads;
import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Virtual threads whose scheduler is a connection's own event loop: a handler starts, blocks and
 * resumes on the thread that read its request and writes its response, so the two never wake each
 * other across cores. Measured against a virtual thread on the JDK's default scheduler, this is
 * what takes a plain blocking handler to (nearly) the speed of one run on the event loop itself.
 *
 * <p>It needs the JDK-internal scheduler hook of {@link VirtualThreads}; without it the server says
 * so once and dispatches to the default scheduler as before.
 *
 * <p>What a virtual thread on the loop must not do is what the event loop must not do: run for long
 * without blocking, or block while pinned (in a class initialiser, under a native frame) or in file
 * I/O, which the JDK compensates for with an extra carrier on its own scheduler only: here the
 * loop, and every connection on it, waits. Routes that do such work are {@code @Offload}ed.
 *
 * <p>Threading: thread-safe.
 */
public final class LoopThreads {
  private static final Logger LOG = LoggerFactory.getLogger(LoopThreads.class);

  private final Map<EventLoop, LoopScheduler> byLoop = new ConcurrentHashMap<>();

  private LoopThreads() {}

  /**
   * Handler threads for a server: on each connection's event loop when the JDK lets Snel choose a
   * virtual thread's scheduler and {@code enabled}; else null (the app's own virtual threads, on
   * the JDK's default scheduler), after one log line saying why when it was wanted.
   */
  public static @Nullable LoopThreads create(boolean enabled) {
    if (!enabled) {
      LOG.info("Handlers run on virtual threads of the JDK's default scheduler (offloadHandlers)");
      return null;
    }
    if (Runtime.version().feature() < 24) {
      // before JEP 491 a virtual thread waiting in synchronized or Object.wait pins its carrier:
      // on a loop, that is the loop, and Netty's own promises wait that way
      LOG.warn(
          "Handlers run on virtual threads of the JDK's default scheduler, not on the event loops"
              + " (slower): that needs JDK 24 or later, this is {}",
          Runtime.version());
      return null;
    }
    if (!VirtualThreads.schedulable()) {
      LOG.warn(
          "Handlers run on virtual threads of the JDK's default scheduler, not on the event loops"
              + " (slower): start the JVM with --add-opens java.base/java.lang=ALL-UNNAMED to"
              + " enable it ({})",
          VirtualThreads.whyNotSchedulable());
      return null;
    }
    initialisePollers();
    return new LoopThreads();
  }

  /**
   * Starts the JDK's socket pollers from this (platform) thread, once: they are virtual threads
   * themselves, created by whichever thread first blocks on a socket, and a virtual thread inherits
   * its creator's scheduler. Started from a handler on an event loop, the poller of every socket of
   * the JVM would run on that loop, and stop with it.
   */
  private static void initialisePollers() {
    try {
      Class.forName("sun.nio.ch.Poller", true, ClassLoader.getSystemClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      LOG.debug("No JDK poller to initialise: {}", e.toString());
    }
  }

  /** An executor that starts each task on a new virtual thread carried by this event loop. */
  public Executor on(EventLoop loop) {
    return byLoop.computeIfAbsent(loop, LoopScheduler::new).starter;
  }

  /**
   * A loop's scheduler of virtual threads, and the executor that starts them. A thread started on
   * the loop's own thread runs there and then, until it first blocks or ends: a request's handler
   * runs where its request was read, as a {@code @NonBlocking} one does, and {@link HttpHandler}
   * writes its answer in the same pass, where a start through the loop's task queue would wait for
   * its turn and hand the answer back through that queue once more. Every later run of a thread
   * (after it blocked) is a task of the loop.
   */
  private static final class LoopScheduler implements Executor {
    private final EventLoop loop;
    private final ThreadFactory threads;
    final Executor starter = this::start;

    /** Whether the loop's thread is starting a thread: read and written on that thread only. */
    private boolean startingHere;

    LoopScheduler(EventLoop loop) {
      this.loop = loop;
      // one name for all: a numbered one costs a string per request (~1 % of its CPU, measured)
      this.threads = VirtualThreads.on(this).name("snel-handler").factory();
    }

    private void start(Runnable task) {
      Thread thread = threads.newThread(task);
      if (!loop.inEventLoop()) {
        thread.start();
        return;
      }
      startingHere = true;
      try {
        thread.start(); // runs it through execute below
      } finally {
        startingHere = false;
      }
    }

    @Override
    public void execute(Runnable continuation) {
      // inEventLoop is false on a virtual thread, even one this loop carries: only the loop's own
      // (platform) thread, outside any virtual thread, runs a continuation in place
      if (loop.inEventLoop() && startingHere) {
        startingHere = false;
        continuation.run();
        return;
      }
      try {
        loop.execute(continuation);
      } catch (RejectedExecutionException stopped) {
        // the loop stopped while the thread was parked (a server stopped under a blocked
        // handler): it finishes on the JDK's scheduler rather than never
        VirtualThreads.defaultScheduler().execute(continuation);
      }
    }
  }
}
