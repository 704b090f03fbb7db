package dev.snel.jpa;

import dev.snel.Depends;
import dev.snel.Scope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import org.jspecify.annotations.Nullable;

/**
 * The request's {@link EntityManager}, in a transaction: a dependency that FastAPI's seed writes as
 * {@code get_db()} with {@code yield}.
 *
 * <pre>{@code
 * @Get("/users/{user_id}")
 * @ResponseModel(UserResponse.class)
 * public User readUser(long user_id, @Depends(EntityManagers.class) EntityManager em) {
 *   User user = em.find(User.class, user_id);
 *   if (user == null) throw new HttpException(404, "User not found");
 *   return user;
 * }
 * }</pre>
 *
 * <p>Within one request every use shares one entity manager. Its transaction begins when it is
 * first resolved, and ends after the response has been made from the handler's result, before it is
 * sent, so the response model can still read lazy attributes:
 *
 * <ul>
 *   <li>it commits when the handler returned and the response was encoded; a commit that fails (a
 *       unique constraint checked at flush) is answered through the exception handlers, a 500 by
 *       default, instead of the response made so far;
 *   <li>it rolls back when anything failed: an {@link dev.snel.HttpException}, a validation error
 *       of the response, any other exception, or a transaction marked rollback-only;
 *   <li>the entity manager is closed in every case.
 * </ul>
 *
 * <p>Needs an {@link EntityManagerFactory} provided to the app ({@link Jpa#provide}). An entity
 * manager is not thread-safe: use it on the request's thread only, not from background tasks (open
 * a scope of their own with {@link dev.snel.Snel#openScope()}).
 */
public final class EntityManagers {
  private EntityManagers() {}

  /**
   * Opens the scope's entity manager and begins its transaction; the scope's end commits or rolls
   * back and closes it. Used through {@link Depends}, or with {@code
   * scope.get(EntityManagers.class, EntityManager.class)} in a scope of one's own.
   */
  public static EntityManager entityManager(EntityManagerFactory factory, Scope scope) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
    } catch (RuntimeException e) {
      em.close();
      throw e;
    }
    scope.defer(failure -> end(em, failure));
    return em;
  }

  private static void end(EntityManager em, @Nullable Throwable failure) {
    try {
      EntityTransaction transaction = em.getTransaction();
      if (transaction.isActive()) {
        if (failure == null && !transaction.getRollbackOnly()) {
          transaction.commit();
        } else {
          transaction.rollback();
        }
      }
    } finally {
      em.close();
    }
  }
}
