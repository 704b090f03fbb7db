package dev.snel.internal.threads;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Virtual threads on a scheduler Snel chooses: the JDK's default one, or a server's event loop.
 *
 * <p>A virtual thread started without a scheduler takes its creator's: one started by a handler on
 * an event loop's virtual thread would run on that loop too. Snel's own threads (background tasks,
 * offloaded handlers, stream pings) name the default scheduler explicitly, so that work meant to
 * leave the loop does.
 *
 * <p>The JDK has no public API for a virtual thread's scheduler yet. The builder constructor that
 * takes one is JDK-internal and needs {@code --add-opens java.base/java.lang=ALL-UNNAMED}
 * (Micronaut's "loom carrier" mode and TechEmpower's netty-loom entry use the same one). Without
 * it, or on a JDK where it is gone, {@link #schedulable()} is false: no server schedules threads on
 * its loops, so every virtual thread's creator is on the default scheduler already.
 *
 * <p>Threading: thread-safe.
 */
public final class VirtualThreads {
  /** The JDK-internal builder constructor with a scheduler, or null when it cannot be used. */
  private static final @Nullable Constructor<?> BUILDER;

  /** The JDK's default scheduler, or null when {@link #BUILDER} is. */
  private static final @Nullable Executor DEFAULT_SCHEDULER;

  /** Why {@link #BUILDER} is null; null when it is there. */
  private static final @Nullable String UNAVAILABLE;

  static {
    Constructor<?> builder = null;
    Executor defaultScheduler = null;
    String unavailable = null;
    try {
      Class<?> type = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
      Constructor<?> constructor = type.getDeclaredConstructor(Executor.class);
      constructor.setAccessible(true);
      Method scheduler =
          Class.forName("java.lang.VirtualThread").getDeclaredMethod("defaultScheduler");
      scheduler.setAccessible(true);
      defaultScheduler = (Executor) Objects.requireNonNull(scheduler.invoke(null));
      // one probe: a JDK that changed the builder's contract fails here, not on a request
      if (!(constructor.newInstance(defaultScheduler) instanceof Thread.Builder.OfVirtual)) {
        throw new IllegalStateException("not a virtual thread builder: " + type);
      }
      builder = constructor;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // InaccessibleObjectException without the --add-opens; NoSuchMethodException on a JDK
      // without that constructor
      unavailable = e.toString();
      builder = null;
      defaultScheduler = null;
    }
    BUILDER = builder;
    DEFAULT_SCHEDULER = defaultScheduler;
    UNAVAILABLE = unavailable;
  }

  private VirtualThreads() {}

  /** Whether this JVM lets Snel choose a virtual thread's scheduler. */
  public static boolean schedulable() {
    return BUILDER != null;
  }

  /** Why {@link #schedulable()} is false, for a log line; empty when it is true. */
  public static String whyNotSchedulable() {
    return UNAVAILABLE == null ? "" : UNAVAILABLE;
  }

  /** The JDK's default scheduler; only when {@link #schedulable()}. */
  public static Executor defaultScheduler() {
    return Objects.requireNonNull(DEFAULT_SCHEDULER, "virtual thread schedulers are not available");
  }

  /** A builder of virtual threads on this scheduler; only when {@link #schedulable()}. */
  public static Thread.Builder.OfVirtual on(Executor scheduler) {
    Constructor<?> builder =
        Objects.requireNonNull(BUILDER, "virtual thread schedulers are not available");
    try {
      return (Thread.Builder.OfVirtual) builder.newInstance(scheduler);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the virtual thread builder worked at startup", e);
    }
  }

  /** A builder of virtual threads on the JDK's default scheduler, whoever starts them. */
  public static Thread.Builder.OfVirtual onDefaultScheduler() {
    return DEFAULT_SCHEDULER == null ? Thread.ofVirtual() : on(DEFAULT_SCHEDULER);
  }
}
