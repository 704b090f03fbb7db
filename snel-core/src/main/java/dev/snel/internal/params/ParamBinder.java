package dev.snel.internal.params;

import org.jspecify.annotations.Nullable;

/**
 * Produces one argument of a handler or dependency from a scope, compiled once per parameter at
 * startup. On invalid input it records the error in the scope and returns a placeholder; the
 * handler is not called while the scope has errors. A dependency's exception passes through.
 */
@FunctionalInterface
public interface ParamBinder {
  /** The argument for this parameter. */
  @Nullable Object bind(RequestScope scope) throws Throwable;
}
