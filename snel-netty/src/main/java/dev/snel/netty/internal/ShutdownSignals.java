package dev.snel.netty.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * How a process that serves Snel ends when it is told to: SIGTERM (a process manager, {@code docker
 * stop}, Kubernetes) or SIGINT (CTRL+C). The first signal starts a graceful stop on a thread of its
 * own; once it is done, the caller exits with the signal's status, 128 + its number (143 for
 * SIGTERM, 130 for SIGINT), as a process killed by it would, and as uvicorn does since 0.29. A
 * second signal while the stop is under way ends the process at once.
 *
 * <p>Why signal handlers and not a shutdown hook: the JVM's own handlers for these signals run the
 * shutdown hooks and then exit with 128 + the number, so a hook alone gets the status right; but a
 * hook runs while the JVM is already exiting, beside other hooks (a logging backend's may stop the
 * logging under it), and the JVM ignores a second signal then: a stop that hangs can only be
 * killed. {@code sun.misc.Signal} (module jdk.unsupported, kept for exactly this use by JEP 260)
 * replaces the JVM's handlers: the stop runs while the JVM is whole, {@link System#exit} follows it
 * with the status chosen, and a second signal {@linkplain Runtime#halt halts} without waiting for
 * anything. Where a signal cannot be handled (the JVM runs with {@code -Xrs}, or the process was
 * started with the signal ignored, as {@code nohup} does for SIGHUP), that signal keeps the JVM's
 * behaviour, and the server's shutdown hook still stops it gracefully.
 *
 * <p>Threading: the JVM calls {@link #handle} on a new thread for each signal.
 */
public final class ShutdownSignals {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);
  private static final List<String> SIGNALS = List.of("TERM", "INT");

  private final Runnable stop;
  private final AtomicInteger status = new AtomicInteger();

  private ShutdownSignals(Runnable stop) {
    this.stop = stop;
  }

  /**
   * Handles SIGTERM and SIGINT from now on: the first runs {@code stop} on a new thread, a second
   * halts the process.
   */
  public static ShutdownSignals install(Runnable stop) {
    ShutdownSignals signals = new ShutdownSignals(stop);
    List<String> handled = new ArrayList<>(2);
    for (String name : SIGNALS) {
      try {
        Signal.handle(new Signal(name), signals::handle);
        handled.add("SIG" + name);
      } catch (IllegalArgumentException e) {
        LOG.warn(
            "Cannot handle SIG{} ({}); it ends the process the JVM's way", name, e.getMessage());
      }
    }
    LOG.debug("Handling {}", handled);
    return signals;
  }

  /**
   * The exit status the first signal asks for (128 + its number), or 0 if none came: the server was
   * stopped another way.
   */
  public int exitStatus() {
    return status.get();
  }

  private void handle(Signal signal) {
    int code = 128 + signal.getNumber();
    if (status.compareAndSet(0, code)) {
      LOG.info(
          "Received SIG{}: shutting down gracefully (send it again to exit at once)",
          signal.getName());
      Thread.ofPlatform().name("snel-shutdown").start(stop);
      return;
    }
    LOG.warn("Received SIG{} again: exiting now, without waiting", signal.getName());
    System.err.flush();
    // halt, not exit: exit would wait for the shutdown hooks, and one of them is the stop that
    // is taking too long
    Runtime.getRuntime().halt(code);
  }
}
