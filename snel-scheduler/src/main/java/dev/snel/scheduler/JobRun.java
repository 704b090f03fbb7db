package dev.snel.scheduler;

import dev.snel.Scope;
import java.time.Instant;

/**
 * One run of a {@link Job}: which job, when it was due, and the scope it runs in. It lives as long
 * as the run; the scope is closed, its cleanups run, when the job returns or throws.
 */
public interface JobRun {
  /** The job's name, as given to {@link Scheduler#add(String, Trigger, Job)}. */
  String job();

  /**
   * When this run was due: the trigger's fire time, or the moment {@link Scheduler#runNow(String)}
   * was called.
   */
  Instant scheduledTime();

  /**
   * The scope of this run, a new one each time: {@code run.scope().get(GetSession.class,
   * Session.class)} resolves a dependency as a handler's parameter would.
   */
  Scope scope();
}
