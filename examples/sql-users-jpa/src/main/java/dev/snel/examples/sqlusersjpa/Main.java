package dev.snel.examples.sqlusersjpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Post;
import dev.snel.ResponseModel;
import dev.snel.Snel;
import dev.snel.crypto.PasswordHasher;
import dev.snel.jpa.EntityManagers;
import dev.snel.jpa.Jpa;
import dev.snel.netty.SnelServer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The seed's SQL chapter in the JPA style: a {@code users} table as an entity, created at start
 * ({@code create_all}); {@code POST /users/} and {@code GET /users/{user_id}} with an EntityManager
 * per request. SQLite's {@code sql_app.db} in the working directory by default; PostgreSQL or
 * MariaDB by setting {@code DATABASE_URL}.
 */
public final class Main {
  private Main() {}

  /** The seed's default: a SQLite file in the working directory. */
  static final String DEFAULT_URL = "sqlite:./sql_app.db";

  /** What a client sends to create a user: the seed's {@code schemas.UserCreate}. */
  public record UserCreate(String email, String password) {}

  /** What the API shows of a user, read from the entity: the seed's {@code schemas.User}. */
  public record UserResponse(long id, String email, boolean is_active) {}

  /** The seed's {@code crud.get_user_by_email}: a query by criteria. */
  static Optional<User> getUserByEmail(EntityManager em, String email) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<User> query = cb.createQuery(User.class);
    Root<User> user = query.from(User.class);
    query.select(user).where(cb.equal(user.get("email"), email));
    return em.createQuery(query).getResultStream().findFirst();
  }

  /** The routes. */
  public static final class Users {
    private final PasswordHasher hasher;

    /** Routes hashing passwords with this hasher. */
    public Users(PasswordHasher hasher) {
      this.hasher = hasher;
    }

    /** Creates a user; 400 if the email is taken. The password is stored hashed. */
    @Post("/users/")
    @ResponseModel(UserResponse.class)
    public User createUser(UserCreate user, @Depends(EntityManagers.class) EntityManager db) {
      if (getUserByEmail(db, user.email()).isPresent()) {
        throw new HttpException(400, "Email already registered");
      }
      User dbUser = new User(user.email(), hasher.hash(user.password().toCharArray()));
      db.persist(dbUser);
      db.flush(); // the seed's commit: the id is assigned now
      db.refresh(dbUser);
      return dbUser;
    }

    /** The user with this id, or 404. */
    @Get("/users/{user_id}")
    @ResponseModel(UserResponse.class)
    public User readUser(long user_id, @Depends(EntityManagers.class) EntityManager db) {
      User dbUser = db.find(User.class, user_id);
      if (dbUser == null) {
        throw new HttpException(404, "User not found");
      }
      return dbUser;
    }
  }

  /**
   * The app on a pool for this URL ({@link #dataSource(String)}), made at start and closed with the
   * app; the tables are created at start.
   */
  public static Snel app(String databaseUrl, PasswordHasher hasher) {
    Snel app = Snel.create();
    app.provide(DataSource.class, () -> dataSource(databaseUrl));
    Jpa.entities(User.class).createTables().provide(app);
    return app.include(new Users(hasher));
  }

  /**
   * A HikariCP pool for a SQLAlchemy-style URL: {@code sqlite:PATH}, {@code
   * postgresql://user:password@host:port/db}, {@code mariadb://...} or {@code mysql://...} (both on
   * MariaDB's driver); a {@code jdbc:} URL is taken as it is.
   */
  public static HikariDataSource dataSource(String databaseUrl) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl(databaseUrl, config));
    return new HikariDataSource(config);
  }

  static String jdbcUrl(String databaseUrl, HikariConfig config) {
    if (databaseUrl.startsWith("jdbc:")) {
      return databaseUrl;
    }
    if (databaseUrl.startsWith("sqlite:")) {
      return "jdbc:sqlite:" + databaseUrl.substring("sqlite:".length()).replaceFirst("^//", "");
    }
    URI uri = URI.create(databaseUrl);
    String scheme =
        switch (uri.getScheme()) {
          case "postgresql", "postgres" -> "postgresql";
          case "mariadb", "mysql" -> "mariadb";
          default ->
              throw new IllegalArgumentException("not a database URL Snel knows: " + databaseUrl);
        };
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      config.setUsername(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) {
        config.setPassword(decode(userInfo.substring(colon + 1)));
      }
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return "jdbc:" + scheme + "://" + uri.getHost() + port + uri.getRawPath() + query;
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  /** Serves the app on $PORT (default 8000), on $DATABASE_URL (default SQLite's sql_app.db). */
  public static void main(String[] args) {
    String url = System.getenv().getOrDefault("DATABASE_URL", DEFAULT_URL);
    SnelServer.run(app(url, PasswordHasher.argon2id()));
  }
}
