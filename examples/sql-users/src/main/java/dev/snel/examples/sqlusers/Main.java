package dev.snel.examples.sqlusers;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Post;
import dev.snel.ResponseModel;
import dev.snel.Snel;
import dev.snel.netty.SnelServer;
import dev.snel.sql.Database;
import dev.snel.sql.DatabaseConfig;
import dev.snel.sql.Sql;
import dev.snel.sql.Transaction;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The seed's SQL chapter: users stored in a database, created with {@code POST /users/} and read
 * with {@code GET /users/{user_id}}. SQLite's {@code sql_app.db} in the working directory unless
 * {@code DATABASE_URL} names another database ({@code postgresql://user@host/db}, {@code
 * mysql://root@host/db?sslMode=disable}).
 */
public final class Main {

  /** What a client sends: the seed's {@code schemas.UserCreate}. */
  public record UserCreate(String email, String password) {}

  /** What the server answers: the seed's {@code UserResponse}, without the password. */
  public record UserResponse(long id, String email, boolean is_active) {}

  /** A row of the {@code users} table: the seed's {@code models.User}. */
  public record UserRow(long id, String email, String hashed_password, boolean is_active) {}

  /** The seed's {@code crud.py}, as a JDBI SQL object. */
  @RegisterConstructorMapper(UserRow.class)
  public interface Users {
    @SqlQuery("SELECT id, email, hashed_password, is_active FROM users WHERE id = :id")
    Optional<UserRow> get(@Bind("id") long id);

    @SqlQuery("SELECT id, email, hashed_password, is_active FROM users WHERE email = :email")
    Optional<UserRow> getByEmail(@Bind("email") String email);

    @SqlUpdate("INSERT INTO users (email, hashed_password, is_active) VALUES (:email, :hash, TRUE)")
    @GetGeneratedKeys("id")
    long insert(@Bind("email") String email, @Bind("hash") String hashedPassword);
  }

  /** The routes. */
  public static final class Routes {

    /** Creates a user, unless the email is taken. */
    @Post("/users/")
    @ResponseModel(UserResponse.class)
    public UserRow createUser(UserCreate user, @Depends(Transaction.class) Handle db) {
      Users users = db.attach(Users.class);
      if (users.getByEmail(user.email()).isPresent()) {
        throw new HttpException(400, "Email already registered");
      }
      String fakeHashedPassword = user.password() + "notreallyhashed";
      long id = users.insert(user.email(), fakeHashedPassword);
      return users.get(id).orElseThrow(); // the seed's db.refresh(db_user)
    }

    /** Reads a user. */
    @Get("/users/{user_id}")
    @ResponseModel(UserResponse.class)
    public UserRow readUser(long user_id, @Depends(Transaction.class) Handle db) {
      return db.attach(Users.class)
          .get(user_id)
          .orElseThrow(() -> new HttpException(404, "User not found"));
    }
  }

  /** The engine's settings, written out: SQLAlchemy's defaults, with pre-ping on. */
  static DatabaseConfig config(String databaseUrl) {
    return DatabaseConfig.of(databaseUrl)
        .poolSize(5) // pool_size=5
        .maxOverflow(10) // max_overflow=10
        .prePing(true) // pool_pre_ping=True
        .recycle(Duration.ofMinutes(30)) // pool_recycle=1800
        .timeout(Duration.ofSeconds(30)); // pool_timeout=30
  }

  /** The app on the database at this URL; the table is created at start if missing. */
  public static Snel app(String databaseUrl) {
    Snel app = Snel.create();
    Sql.install(app, config(databaseUrl));
    app.lifespan(
        () -> {
          try (var scope = app.openScope()) {
            createAll(scope.get(Database.class));
          }
          return () -> {};
        });
    return app.include(new Routes());
  }

  /** The app on {@code DATABASE_URL}, or SQLite's {@code ./sql_app.db}. */
  public static Snel app() {
    return app(System.getenv().getOrDefault("DATABASE_URL", "sqlite:./sql_app.db"));
  }

  /** SQLAlchemy's {@code Base.metadata.create_all(bind=engine)}: the table, if it is missing. */
  static void createAll(Database database) {
    String id =
        switch (database.dialect()) {
          case SQLITE -> "id INTEGER PRIMARY KEY";
          case POSTGRESQL -> "id SERIAL PRIMARY KEY";
          case MARIADB -> "id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY";
        };
    database
        .jdbi()
        .useHandle(
            handle -> {
              handle.execute(
                  "CREATE TABLE IF NOT EXISTS users ("
                      + id
                      + ", email VARCHAR(255), hashed_password VARCHAR(255),"
                      + " is_active BOOLEAN DEFAULT TRUE)");
              handle.execute("CREATE UNIQUE INDEX IF NOT EXISTS ix_users_email ON users (email)");
            });
  }

  /** Serves the app on $PORT (default 8000). */
  public static void main(String[] args) {
    SnelServer.run(app());
  }

  private Main() {}
}
