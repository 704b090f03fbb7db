package dev.snel.internal.params;

import org.jspecify.annotations.Nullable;

/**
 * Produces one handler argument from a request, compiled once per parameter at startup. On invalid
 * input it records the error in the binding and returns a placeholder; the handler is not called
 * while the binding has errors.
 */
@FunctionalInterface
public interface ParamBinder {
  /** The argument for this parameter. */
  @Nullable Object bind(Binding binding);
}
