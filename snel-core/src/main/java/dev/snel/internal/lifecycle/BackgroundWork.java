package dev.snel.internal.lifecycle;

import dev.snel.BackgroundTasks;
import dev.snel.internal.threads.VirtualThreads;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The app's work after responses: each request's background tasks on a virtual thread of their own,
 * tracked so that the app can wait for them when it stops and say which it abandons.
 */
public final class BackgroundWork {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

  // not only the MDC: a logging backend without one (slf4j-simple) would lose the id
  private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

  private final ThreadFactory threads =
      VirtualThreads.onDefaultScheduler().name("snel-background-", 0).factory();
  private final Set<Thread> running = ConcurrentHashMap.newKeySet();
  private final Object idle = new Object();

  /** Starts the work on a virtual thread whose log context carries the request id. */
  public void start(String requestId, Runnable work) {
    Thread thread =
        threads.newThread(
            () -> {
              MDC.put(BackgroundTasks.REQUEST_ID, requestId);
              REQUEST_ID.set(requestId);
              try {
                work.run();
              } catch (RuntimeException | Error e) {
                LOG.error("Background work failed [request {}]", requestId, e);
              } finally {
                MDC.remove(BackgroundTasks.REQUEST_ID);
                REQUEST_ID.remove();
                running.remove(Thread.currentThread());
                synchronized (idle) {
                  idle.notifyAll();
                }
              }
            });
    running.add(thread);
    thread.start();
  }

  /** The id of the request whose background work runs on this thread; null on other threads. */
  public static @Nullable String requestId() {
    return REQUEST_ID.get();
  }

  /** How many requests' background work is running. */
  public int running() {
    return running.size();
  }

  /**
   * Waits until no background work runs, up to the timeout.
   *
   * @return whether all work finished in time
   */
  public boolean await(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (!running.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          idle.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return running.isEmpty();
        }
      }
    }
    return true;
  }

  /**
   * For a stopping app: waits for the work up to the timeout, then interrupts what still runs and
   * logs it as abandoned.
   */
  public void drain(Duration timeout) {
    if (running.isEmpty()) {
      return;
    }
    LOG.info("Waiting for the background tasks of {} request(s)", running.size());
    if (!await(timeout)) {
      LOG.warn(
          "Abandoning the background tasks of {} request(s) after {}: {}",
          running.size(),
          timeout,
          running.stream().map(Thread::getName).sorted().toList());
      running.forEach(Thread::interrupt);
    }
  }
}
