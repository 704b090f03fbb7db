package dev.snel.scheduler;

import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.internal.params.RequestScope;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one run of a job in a scope of its own, and logs what went wrong instead of letting it end
 * the job's schedule. Shared by both schedulers, so a job behaves the same in one process and in a
 * cluster.
 */
final class JobRunner {
  static final Logger LOG = LoggerFactory.getLogger("dev.snel.scheduler");

  private JobRunner() {}

  /** Runs the job; never throws (a failure is logged), except when the thread is interrupted. */
  static void run(Snel app, JobSpec spec, Instant scheduledTime) {
    Scope scope = app.openScope();
    Throwable failure = null;
    try {
      spec.job().run(new Run(spec.name(), scheduledTime, scope));
    } catch (Throwable e) {
      failure = e;
    }
    failure = end(scope, failure);
    if (failure == null) {
      return;
    }
    if (failure instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    LOG.error(
        "Job '{}' (due at {}) failed; it keeps its schedule", spec.name(), scheduledTime, failure);
    if (failure instanceof VirtualMachineError error) {
      throw error;
    }
  }

  /** Ends the scope: its cleanups see the job's failure (a session rolls back). */
  private static @Nullable Throwable end(Scope scope, @Nullable Throwable failure) {
    if (scope instanceof RequestScope requestScope) {
      return requestScope.end(failure);
    }
    try {
      scope.close();
    } catch (RuntimeException e) {
      if (failure == null) {
        return e;
      }
      failure.addSuppressed(e);
    }
    return failure;
  }

  /**
   * Whether a run due at {@code due} starts too late at {@code now}; logs it if so.
   *
   * @return true if the run is to be skipped
   */
  static boolean misfired(JobSpec spec, Instant due, Instant now) {
    Duration grace = spec.options().misfireGraceTime().orElse(null);
    if (grace == null) {
      return false;
    }
    Duration late = Duration.between(due, now);
    if (late.compareTo(grace) <= 0) {
      return false;
    }
    LOG.warn(
        "Run of job '{}' due at {} skipped: it would start {} late, past its misfire grace time {}",
        spec.name(),
        due,
        late,
        grace);
    return true;
  }

  private record Run(String job, Instant scheduledTime, Scope scope) implements JobRun {}
}
