package dev.snel.scheduler;

/**
 * What happens when a job is due while its previous run is still going. Either way at most one run
 * of a job is going at a time (APScheduler's {@code max_instances=1}).
 */
public enum Overlap {
  /** The due run is skipped and logged; the job runs again at its next fire time. */
  SKIP,
  /**
   * The due run waits and starts as soon as the previous one ends. Several due runs while one is
   * going make one queued run, not a backlog.
   */
  QUEUE
}
