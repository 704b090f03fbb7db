package dev.snel.scheduler;

import dev.snel.Snel;
import dev.snel.internal.threads.VirtualThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The scheduler of one process. One platform timer thread waits for the fire times and only hands
 * work over; each run is a virtual thread of its own, so a slow job delays no other job.
 *
 * <p>Threading: a job's state is guarded by its {@link State} monitor; the timer thread, the run
 * threads and callers of {@link #runNow} meet there. Nothing blocking happens under a monitor.
 */
final class LocalScheduler implements Scheduler {
  /**
   * Never the event loop of a handler that calls {@code runNow}: a virtual thread takes its
   * creator's scheduler unless told otherwise.
   */
  private static final ThreadFactory JOB_THREADS =
      VirtualThreads.onDefaultScheduler().name("snel-job-", 0).factory();

  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

  private final Snel app;
  private final Jobs jobs = new Jobs();
  private final Map<String, State> states = new LinkedHashMap<>();
  private @Nullable ScheduledExecutorService timer;
  private boolean started;
  private volatile boolean stopped;

  /** A scheduler whose jobs open their scopes in this app. */
  LocalScheduler(Snel app) {
    this.app = app;
  }

  @Override
  public Scheduler add(String name, Trigger trigger, JobOptions options, Job job) {
    jobs.add(name, trigger, options, job);
    return this;
  }

  @Override
  public List<String> jobs() {
    return jobs.names();
  }

  @Override
  public synchronized LocalScheduler start() {
    if (stopped) {
      throw new IllegalStateException("this scheduler was stopped; make a new one");
    }
    if (started) {
      return this;
    }
    started = true;
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("snel-scheduler-timer").daemon(true).factory());
    this.timer = timer;
    Instant now = Instant.now();
    for (JobSpec spec : jobs.seal()) {
      State state = new State(spec, timer);
      states.put(spec.name(), state);
      state.arm(spec.trigger().first(now));
    }
    return this;
  }

  @Override
  public Optional<Instant> nextRun(String name) {
    jobs.get(name);
    State state = state(name);
    return state == null ? Optional.empty() : state.nextFire();
  }

  @Override
  public boolean running(String name) {
    jobs.get(name);
    State state = state(name);
    return state != null && state.running();
  }

  @Override
  public boolean runNow(String name) {
    jobs.get(name);
    State state = state(name);
    if (state == null || stopped) {
      throw new IllegalStateException("the scheduler is not running; job '" + name + "' waits");
    }
    return state.begin(Instant.now());
  }

  private synchronized @Nullable State state(String name) {
    return states.get(name);
  }

  @Override
  public void close() {
    List<State> all;
    ScheduledExecutorService timer;
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      all = List.copyOf(states.values());
      timer = this.timer;
    }
    if (timer != null) {
      timer.shutdownNow();
    }
    Instant deadline = Instant.now().plus(SHUTDOWN_WAIT);
    for (State state : all) {
      state.awaitIdle(deadline);
    }
  }

  /** One job while the scheduler runs: its next fire time, and whether a run is going. */
  private final class State {
    private final JobSpec spec;
    private final ScheduledExecutorService timer;
    private @Nullable Instant nextFire;
    private @Nullable ScheduledFuture<?> pending;
    private @Nullable Thread runner;
    private @Nullable Instant queued;

    State(JobSpec spec, ScheduledExecutorService timer) {
      this.spec = spec;
      this.timer = timer;
    }

    /** Waits for the fire time {@code due}, plus the jitter; empty: the job is done. */
    synchronized void arm(Optional<Instant> due) {
      nextFire = null;
      pending = null;
      if (stopped || due.isEmpty()) {
        return;
      }
      Instant nominal = due.get();
      Instant fireAt = nominal.plus(spec.jitterDelay());
      nextFire = fireAt;
      long delay = Math.max(0, Duration.between(Instant.now(), fireAt).toNanos());
      try {
        pending = timer.schedule(() -> fire(nominal, fireAt), delay, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        nextFire = null; // stopping
      }
    }

    /** On the timer thread: sets the following fire time first, so a failing run cannot lose it. */
    private void fire(Instant nominal, Instant fireAt) {
      Instant now = Instant.now();
      arm(spec.trigger().next(nominal, now));
      if (JobRunner.misfired(spec, fireAt, now)) {
        return;
      }
      begin(nominal);
    }

    /** Starts a run due at {@code due}, or queues or skips it if one is going. */
    synchronized boolean begin(Instant due) {
      if (stopped) {
        return false;
      }
      if (runner != null) {
        if (spec.options().overlap() == Overlap.QUEUE) {
          if (queued == null) {
            queued = due;
          }
          return true;
        }
        JobRunner.LOG.warn(
            "Run of job '{}' due at {} skipped: its previous run is still going", spec.name(), due);
        return false;
      }
      runner = JOB_THREADS.newThread(() -> runFrom(due));
      runner.setName("snel-job-" + spec.name());
      runner.start();
      return true;
    }

    /** On the run's virtual thread: runs, then the queued run if one came in meanwhile. */
    private void runFrom(Instant due) {
      Instant next = due;
      while (true) {
        JobRunner.run(app, spec, next);
        synchronized (this) {
          Instant waiting = queued;
          if (waiting == null || stopped) {
            runner = null;
            queued = null;
            notifyAll();
            return;
          }
          queued = null;
          next = waiting;
        }
      }
    }

    synchronized Optional<Instant> nextFire() {
      return Optional.ofNullable(nextFire);
    }

    synchronized boolean running() {
      return runner != null;
    }

    /** Waits until no run is going, up to the deadline; then interrupts the run. */
    void awaitIdle(Instant deadline) {
      ScheduledFuture<?> waiting;
      synchronized (this) {
        waiting = pending;
        pending = null;
        nextFire = null;
      }
      if (waiting != null) {
        waiting.cancel(false);
      }
      Thread thread;
      synchronized (this) {
        thread = runner;
      }
      if (thread == null) {
        return;
      }
      try {
        long millis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        if (!thread.join(Duration.ofMillis(millis))) {
          JobRunner.LOG.warn(
              "Job '{}' still running when the scheduler stopped; interrupting it", spec.name());
          thread.interrupt();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
