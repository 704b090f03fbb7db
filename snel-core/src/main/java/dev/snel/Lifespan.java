package dev.snel;

/**
 * What the app sets up before it serves and tears down after: FastAPI's {@code lifespan}. The setup
 * runs before the server accepts its first connection; the returned teardown runs after the last
 * response has been written and the last background task has finished.
 *
 * <pre>{@code
 * app.lifespan(() -> {
 *   scheduler.start();
 *   System.out.println("Scheduler started...");
 *   return () -> {
 *     scheduler.shutdown();
 *     System.out.println("Scheduler stopped.");
 *   };
 * });
 * }</pre>
 *
 * <p>To make what the setup creates available to handlers and dependencies, typed, declare it with
 * {@link Snel#provide(Class, java.util.function.Supplier)}: the app creates it at startup and
 * closes it at shutdown.
 */
@FunctionalInterface
public interface Lifespan {
  /**
   * Sets up; a failure stops the start.
   *
   * @return the teardown
   */
  AutoCloseable start() throws Exception;

  /** A step of the app's startup or shutdown: {@link Snel#onStartup}, {@link Snel#onShutdown}. */
  @FunctionalInterface
  interface Hook {
    /** Does the step; a failure at startup stops the start. */
    void run() throws Exception;
  }
}
