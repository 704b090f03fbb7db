package dev.snel.scheduler;

/**
 * What a scheduled job does. Each run gets a {@link JobRun} with a fresh {@link dev.snel.Scope} of
 * the app, so a job can take the same dependencies and singletons a handler takes:
 *
 * <pre>{@code
 * scheduler.add("daily_cleanup", Trigger.interval(Duration.ofDays(1)), run -> {
 *   Session session = run.scope().get(GetSession.class, Session.class);
 *   session.deleteExpired();
 * });   // the scope's cleanups (commit, close) run when the job returns
 * }</pre>
 *
 * <p>A job that throws is logged with its name and keeps its schedule. Runs happen on virtual
 * threads; a job is never run twice at the same time by one scheduler (see {@link Overlap}).
 */
@FunctionalInterface
public interface Job {
  /** Does the work of one run. */
  void run(JobRun run) throws Exception;
}
