package dev.snel.sql;

import dev.snel.HttpException;
import dev.snel.Scope;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * A transaction per request, as a dependency: FastAPI's {@code db: Session = Depends(get_db)}.
 *
 * <pre>{@code
 * @Get("/users/{user_id}")
 * public User readUser(long user_id, @Depends(Transaction.class) Handle handle) {
 *   return handle.attach(UserRepository.class).find(user_id)
 *       .orElseThrow(() -> new HttpException(404, "User not found"));
 * }
 * }</pre>
 *
 * <p>The handle's connection is borrowed from the app's {@link Database} when a route that takes it
 * is called, and a transaction begun on it. When the response has been made from the handler's
 * result, the transaction commits; if the handler, the response's encoding or a later cleanup
 * threw, it rolls back ({@link HttpException} included, unless {@link
 * DatabaseConfig#commitOnHttpException(boolean)}). Either way the connection goes back to the pool,
 * also when the client has gone. A failing commit is answered through the exception handlers, like
 * any error of the handler. Within one request every use of the dependency shares the one handle.
 *
 * <p>The handler may end the transaction itself ({@code handle.commit()}) and begin others; the one
 * open at the end is committed or rolled back as above.
 */
public final class Transaction {

  /** Made once per app by Snel. */
  public Transaction() {}

  /**
   * Opens a handle on a pooled connection and begins a transaction, ended with the scope.
   *
   * @throws DatabaseBusyException if no connection came free in time (answered 503)
   */
  public Handle get(Database database, Scope scope) {
    Handle handle = database.jdbi().open();
    try {
      handle.begin();
    } catch (RuntimeException e) {
      handle.close();
      throw e;
    }
    scope.defer(failure -> end(database, handle, failure));
    return handle;
  }

  private static void end(Database database, Handle handle, @Nullable Throwable failure) {
    boolean commit =
        failure == null || (failure instanceof HttpException && database.commitsOnHttpException());
    try (handle) { // closing returns the connection, also when the commit failed
      if (handle.isInTransaction()) {
        if (commit) {
          commitOrRollBack(handle);
        } else {
          handle.rollback();
        }
      }
    }
  }

  private static void commitOrRollBack(Handle handle) {
    try {
      handle.commit();
    } catch (RuntimeException e) {
      // a constraint checked at commit, a lost connection: leave no transaction open behind
      try {
        handle.rollback();
      } catch (RuntimeException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }
}
