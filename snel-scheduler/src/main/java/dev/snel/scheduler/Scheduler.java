package dev.snel.scheduler;

import dev.snel.Lifespan;
import dev.snel.Snel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs jobs on a schedule while the app runs: FastAPI with APScheduler, where the scheduler is
 * started and stopped by the app's lifespan.
 *
 * <pre>{@code
 * Snel app = Snel.create();
 * Scheduler scheduler = Scheduler.create(app);
 * scheduler.add("daily_cleanup", Trigger.interval(Duration.ofDays(1)),
 *     run -> System.out.println("Time for cleanup."));
 * app.lifespan(scheduler);   // started with the app, stopped with it
 * }</pre>
 *
 * <p>Two kinds, one API. {@link #create(Snel)} runs the jobs in this process: a timer thread and a
 * virtual thread per run. {@link #cluster(Snel, DataSource, ClusterOptions)} runs them in a cluster
 * of replicas that share a PostgreSQL database, with db-scheduler: each run is claimed by one
 * replica, and a run whose replica dies is run again by another after its heartbeats stop.
 *
 * <p>The scheduler is {@linkplain Snel#provide(Class, Object) provided} to the app, so a handler
 * can take a {@code Scheduler} parameter to show the next run or to run a job now. Add the jobs
 * before the scheduler starts; one scheduler per app.
 *
 * <p>Thread safety: all methods may be called from any thread; jobs run on virtual threads, never
 * on the thread that added them.
 */
public interface Scheduler extends Lifespan, AutoCloseable {
  /**
   * A scheduler that runs the jobs in this process, and provides itself to the app. Plug it into
   * the app's life with {@code app.lifespan(scheduler)}.
   */
  static Scheduler create(Snel app) {
    Scheduler scheduler = new LocalScheduler(app);
    app.provide(Scheduler.class, scheduler);
    return scheduler;
  }

  /**
   * A scheduler for one replica of a cluster, with {@link ClusterOptions#defaults()}. See {@link
   * #cluster(Snel, DataSource, ClusterOptions)}.
   */
  static Scheduler cluster(Snel app, DataSource dataSource) {
    return cluster(app, dataSource, ClusterOptions.defaults());
  }

  /**
   * A scheduler for one replica of a cluster whose replicas share the database behind {@code
   * dataSource} (PostgreSQL): every replica adds the same jobs, and each run of a job happens on
   * one replica. Provides itself to the app; plug it in with {@code app.lifespan(scheduler)}.
   */
  static Scheduler cluster(Snel app, DataSource dataSource, ClusterOptions options) {
    Scheduler scheduler = new ClusterScheduler(app, dataSource, options);
    app.provide(Scheduler.class, scheduler);
    return scheduler;
  }

  /**
   * Adds a job with {@link JobOptions#defaults()}. See {@link #add(String, Trigger, JobOptions,
   * Job)}.
   */
  default Scheduler add(String name, Trigger trigger, Job job) {
    return add(name, trigger, JobOptions.defaults(), job);
  }

  /**
   * Adds a job: {@code name} identifies it (in logs, {@link #runNow(String)}, and in a cluster's
   * table, so replicas must use the same names).
   *
   * @throws IllegalArgumentException if a job of that name was added already, or the name is blank
   * @throws IllegalStateException if the scheduler has started
   */
  Scheduler add(String name, Trigger trigger, JobOptions options, Job job);

  /** The names of the jobs, in the order they were added. */
  List<String> jobs();

  /**
   * When the job runs next (with its jitter, in one process; without, in a cluster); empty when it
   * will not run again (a date that has passed) or the scheduler is not running.
   *
   * @throws IllegalArgumentException if there is no job of that name
   */
  Optional<Instant> nextRun(String name);

  /**
   * Whether a run of the job is going on now (in a cluster: on any replica).
   *
   * @throws IllegalArgumentException if there is no job of that name
   */
  boolean running(String name);

  /**
   * Runs the job now, outside its schedule, which is unchanged (in a cluster, an interval's next
   * fire times count from this run). If the job is running, its {@link Overlap} decides: skipped,
   * or queued after the running one (in a cluster it is skipped).
   *
   * @return whether a run was started or queued
   * @throws IllegalArgumentException if there is no job of that name
   * @throws IllegalStateException if the scheduler is not running
   */
  boolean runNow(String name);

  /**
   * Starts running the jobs; starting again does nothing. The app calls it when it starts, if the
   * scheduler is one of its lifespans.
   *
   * @return this scheduler, which {@linkplain #close() stops} as the lifespan's teardown
   * @throws IllegalStateException if it was stopped, or (cluster) the database cannot be reached
   */
  @Override
  Scheduler start();

  /**
   * Stops: no new runs start, and the running ones are waited for (in a cluster up to {@link
   * ClusterOptions#shutdownWait()}, in one process up to 30 seconds, then interrupted). Stopping
   * again does nothing.
   */
  @Override
  void close();
}
