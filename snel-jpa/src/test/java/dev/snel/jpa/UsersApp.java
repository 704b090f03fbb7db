package dev.snel.jpa;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Post;
import dev.snel.ResponseModel;
import dev.snel.Snel;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** The seed's CRUD routes in the JPA style, plus routes that fail after writing. */
final class UsersApp {
  private UsersApp() {}

  public record UserCreate(String email, String password) {}

  public record UserResponse(long id, String email, boolean is_active) {}

  /** Every entity manager a route was given, to check that each was closed. */
  static final List<EntityManager> SEEN = new CopyOnWriteArrayList<>();

  static Optional<User> byEmail(EntityManager em, String email) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<User> query = cb.createQuery(User.class);
    Root<User> user = query.from(User.class);
    query.select(user).where(cb.equal(user.get("email"), email));
    return em.createQuery(query).getResultStream().findFirst();
  }

  public static final class Routes {
    @Post("/users/")
    @ResponseModel(UserResponse.class)
    public User createUser(UserCreate user, @Depends(EntityManagers.class) EntityManager em) {
      SEEN.add(em);
      if (byEmail(em, user.email()).isPresent()) {
        throw new HttpException(400, "Email already registered");
      }
      User dbUser = new User(user.email(), "hashed:" + user.password());
      em.persist(dbUser);
      em.flush();
      em.refresh(dbUser);
      return dbUser;
    }

    @Get("/users/{user_id}")
    @ResponseModel(UserResponse.class)
    public User readUser(long user_id, @Depends(EntityManagers.class) EntityManager em) {
      SEEN.add(em);
      User user = em.find(User.class, user_id);
      if (user == null) {
        throw new HttpException(404, "User not found");
      }
      return user;
    }

    /** Writes, then answers with an HTTP error: nothing is kept. */
    @Post("/users/then-http-error")
    public String thenHttpError(UserCreate user, @Depends(EntityManagers.class) EntityManager em) {
      SEEN.add(em);
      em.persist(new User(user.email(), "x"));
      em.flush();
      throw new HttpException(409, "changed my mind");
    }

    /** Writes, then fails: nothing is kept. */
    @Post("/users/then-crash")
    public String thenCrash(UserCreate user, @Depends(EntityManagers.class) EntityManager em) {
      SEEN.add(em);
      em.persist(new User(user.email(), "x"));
      em.flush();
      throw new IllegalStateException("boom");
    }

    /** Writes without checking: a duplicate fails at commit, after the handler returned. */
    @Post("/users/unchecked")
    @ResponseModel(UserResponse.class)
    public UserResponse unchecked(
        UserCreate user, @Depends(EntityManagers.class) EntityManager em) {
      SEEN.add(em);
      em.persist(new User(user.email(), "x"));
      return new UserResponse(0, user.email(), true);
    }

    /** Two dependencies asking for the entity manager share one. */
    @Get("/shared")
    public boolean shared(
        @Depends(EntityManagers.class) EntityManager first,
        @Depends(EntityManagers.class) EntityManager second) {
      SEEN.add(first);
      return first == second;
    }
  }

  static Snel app(DataSource dataSource, Jpa jpa) {
    Snel app = Snel.create();
    app.provide(DataSource.class, dataSource);
    jpa.provide(app);
    return app.include(new Routes());
  }
}
