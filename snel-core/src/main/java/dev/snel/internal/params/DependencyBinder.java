package dev.snel.internal.params;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Binds a dependency: its own parameters, then its method or constructor; the value is shared
 * within the scope when cached, closed with the scope when {@link AutoCloseable}, and replaced by
 * an override when a test registered one.
 */
final class DependencyBinder implements ParamBinder {
  /** Stands for a null value in a scope's store. */
  private static final Object NULL = new Object();

  private final Class<?> type;
  private final Object key;
  private final boolean cached;
  private final Invocation invocation;
  private final Function<Object, Invocation> compileOverride;
  private final Map<Object, Invocation> overrides = new ConcurrentHashMap<>();

  /**
   * @param type the dependency class: what overrides know it by
   * @param key what the scope's store knows its value by
   * @param compileOverride compiles a replacement registered by a test, for this place
   */
  DependencyBinder(
      Class<?> type,
      Object key,
      boolean cached,
      Invocation invocation,
      Function<Object, Invocation> compileOverride) {
    this.type = type;
    this.key = key;
    this.cached = cached;
    this.invocation = invocation;
    this.compileOverride = compileOverride;
  }

  @Override
  public @Nullable Object bind(RequestScope scope) throws Throwable {
    if (cached) {
      Object known = scope.value(key);
      if (known != null) {
        return known == NULL ? null : known;
      }
    }
    Invocation current = invocation;
    Injection injection = scope.injection();
    if (injection.hasOverrides()) {
      Object replacement = injection.overrideOf(type);
      if (replacement != null) {
        current = overrides.computeIfAbsent(replacement, compileOverride);
      }
    }
    Object[] args = current.arguments(scope);
    if (args == null) {
      return null;
    }
    int cleanupsBefore = scope.cleanupCount();
    int lateCleanupsBefore = scope.lateCleanupCount();
    Object value = current.invoke(args);
    if (value instanceof AutoCloseable closeable && !injection.holds(closeable)) {
      // an app singleton a dependency passes on is the app's to close, not the request's
      scope.closeAtEnd(closeable, cleanupsBefore, lateCleanupsBefore);
    }
    if (cached) {
      scope.value(key, value == null ? NULL : value);
    }
    return value;
  }
}
