package dev.snel.internal.lifecycle;

import dev.snel.Lifespan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's life: the lifespans (and startup hooks, and provided objects made at startup) set up in
 * the order declared, torn down in reverse; shutdown hooks run first, in the order declared.
 * Starting twice or stopping twice does nothing the second time; a start that failed (and undid its
 * steps) can be tried again.
 */
public final class Lifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  private enum State {
    NEW,
    STARTED,
    STOPPED
  }

  private final List<Lifespan> lifespans = new ArrayList<>();
  private final List<Lifespan.Hook> shutdownHooks = new ArrayList<>();
  private final Deque<AutoCloseable> teardowns = new ArrayDeque<>();
  private State state = State.NEW;

  /** Adds a lifespan, set up after those added before. */
  public synchronized void add(Lifespan lifespan) {
    lifespans.add(lifespan);
  }

  /** Adds a hook run when the app stops, after those added before. */
  public synchronized void onShutdown(Lifespan.Hook hook) {
    shutdownHooks.add(hook);
  }

  /** Whether the app has started and not stopped. */
  public synchronized boolean started() {
    return state == State.STARTED;
  }

  /**
   * Sets up every lifespan, in order. If one fails, those already set up are torn down and the
   * failure is thrown, saying which failed.
   */
  public synchronized void start() {
    if (state != State.NEW) {
      return;
    }
    for (int i = 0; i < lifespans.size(); i++) {
      try {
        teardowns.push(lifespans.get(i).start());
      } catch (Exception | Error e) {
        LOG.error("The app's startup failed (step {} of {})", i + 1, lifespans.size(), e);
        tearDown();
        state = State.NEW; // everything done was undone: a later start tries every step again
        throw new IllegalStateException(
            "The app's startup failed at step " + (i + 1) + " of " + lifespans.size() + ": " + e,
            e);
      }
    }
    state = State.STARTED;
  }

  /** Runs the shutdown hooks, then the teardowns in reverse order; failures are logged. */
  public synchronized void stop() {
    if (state == State.STOPPED) {
      return;
    }
    boolean wasStarted = state == State.STARTED;
    state = State.STOPPED;
    if (!wasStarted) {
      return;
    }
    for (Lifespan.Hook hook : shutdownHooks) {
      try {
        hook.run();
      } catch (Exception | Error e) {
        LOG.error("A shutdown hook failed", e);
      }
    }
    tearDown();
  }

  private void tearDown() {
    while (!teardowns.isEmpty()) {
      try {
        teardowns.pop().close();
      } catch (Exception | Error e) {
        LOG.error("A teardown failed", e);
      }
    }
  }
}
