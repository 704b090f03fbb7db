package dev.snel.scheduler;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Instant;

/**
 * A job's trigger as db-scheduler's schedule, so that the cluster computes the same fire times as
 * one process. The next time is computed from the run's due time (the grid of an interval does not
 * drift) and its end (fire times that passed while it ran are coalesced into one, or into an
 * immediate run with {@link Overlap#QUEUE}).
 */
final class TriggerSchedule implements Schedule {
  private final JobSpec spec;

  TriggerSchedule(JobSpec spec) {
    this.spec = spec;
  }

  @Override
  public Instant getInitialExecutionTime(Instant now) {
    return spec.trigger().first(now).orElse(NEVER);
  }

  @Override
  public Instant getNextExecutionTime(ExecutionComplete complete) {
    Instant due = complete.getExecution().executionTime;
    Instant done = complete.getTimeDone();
    if (spec.options().overlap() == Overlap.QUEUE) {
      Instant missed = spec.trigger().next(due, due).orElse(null);
      if (missed != null && !missed.isAfter(done)) {
        return done; // a fire time passed during the run: run once more, now
      }
    }
    return spec.trigger().next(due, done).orElse(NEVER);
  }

  /**
   * Cron and date schedules are deterministic: a replica starting later recomputes the same next
   * time and leaves the table alone. An interval counts from when it was first scheduled, which
   * only the table knows.
   */
  @Override
  public boolean isDeterministic() {
    return !(spec.trigger() instanceof IntervalTrigger);
  }

  @Override
  public String toString() {
    return spec.trigger().toString();
  }
}
