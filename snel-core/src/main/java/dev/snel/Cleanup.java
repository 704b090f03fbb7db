package dev.snel;

import org.jspecify.annotations.Nullable;

/**
 * Work to do when a scope ends: after the response has been made from the handler's result, or
 * after a background task or a job. Registered with {@link Scope#defer(Cleanup)}; cleanups run in
 * the reverse order of their registration.
 */
@FunctionalInterface
public interface Cleanup {
  /**
   * Ends what a dependency began.
   *
   * @param failure what the handler, the response encoding or an earlier cleanup threw; null when
   *     all went well (commit then; roll back otherwise)
   * @throws Exception a failure to report: when there was none before, it is answered through the
   *     exception handlers instead of the response made so far; else it is logged
   */
  void run(@Nullable Throwable failure) throws Exception;
}
