package dev.snel;

/**
 * The life of one request, or of one piece of work outside a request ({@link Snel#openScope()}): it
 * resolves dependencies and singletons, shares a dependency's value within itself, and ends by
 * running its cleanups in reverse order. A handler or dependency receives the current scope by
 * declaring a parameter of this type.
 *
 * <pre>{@code
 * public final class GetSession {
 *   public Session get(Scope scope) {
 *     Session session = database.open();
 *     scope.defer(failure -> {
 *       if (failure == null) session.commit(); else session.rollback();
 *       session.close();
 *     });
 *     return session;
 *   }
 * }
 * }</pre>
 *
 * <p>A scope belongs to the thread that runs its request or work; it is not thread-safe.
 */
public interface Scope extends AutoCloseable {
  /** Adds work to run when the scope ends, before any added earlier. */
  void defer(Cleanup cleanup);

  /**
   * Adds work to run after the request's {@linkplain BackgroundTasks background tasks} have
   * finished, instead of when the response is made, so the tasks can still use what it closes (a
   * database session). With no background tasks it runs when the response has been written. The
   * failure it sees is the request's, else the first failure of a task. Outside a request it is the
   * same as {@link #defer(Cleanup)}.
   */
  void deferAfterBackgroundTasks(Cleanup cleanup);

  /**
   * The value of a dependency class, resolved in this scope (see {@link Depends}): a provided
   * singleton of this type, or a class dependency, built once per scope.
   *
   * @throws RouteDefinitionException if the dependency reads the request and this scope has none
   */
  <T> T get(Class<T> type);

  /**
   * The value the one public method of a dependency class produces, resolved in this scope.
   *
   * @throws RouteDefinitionException if the dependency reads the request and this scope has none,
   *     or its value is not a {@code type}
   */
  <T> T get(Class<?> dependency, Class<T> type);

  /**
   * Ends the scope: runs its cleanups in reverse order. The scope of a request is ended by Snel;
   * close the ones {@link Snel#openScope()} returns (try-with-resources).
   *
   * @throws RuntimeException the first failure a cleanup threw (an {@link Exception} wrapped), the
   *     others suppressed in it
   */
  @Override
  void close();
}
