package dev.snel.examples.authjwt;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Post;
import dev.snel.Router;
import dev.snel.Snel;
import dev.snel.crypto.Jwt;
import dev.snel.crypto.JwtClaims;
import dev.snel.crypto.JwtException;
import dev.snel.crypto.PasswordHasher;
import dev.snel.netty.SnelServer;
import dev.snel.security.OAuth2PasswordBearer;
import dev.snel.security.OAuth2PasswordRequestForm;
import dev.snel.security.OAuth2Scope;
import dev.snel.security.SecurityScopes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's login done as its own advice says for production, after FastAPI's "OAuth2 with
 * Password, Bearer with JWT tokens" and "OAuth2 scopes" tutorials: passwords stored as Argon2id
 * hashes, signed JWTs that expire, scopes ({@code me}, {@code items}) checked by a dependency that
 * reads the scopes required along its chain, and a router whose every route needs the {@code items}
 * scope.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  /** How long a token is valid: the tutorial's ACCESS_TOKEN_EXPIRE_MINUTES. */
  static final Duration ACCESS_TOKEN_EXPIRE = Duration.ofMinutes(30);

  /** The login's answer. */
  public record Token(String access_token, String token_type) {}

  /** The user as the API shows it: no password hash. */
  public record User(
      String username,
      Optional<String> email,
      Optional<String> full_name,
      Optional<Boolean> disabled) {}

  /** The user as stored. */
  record UserInDb(User user, String hashed_password) {}

  /** One of the current user's items. */
  public record Item(String item_id, String owner) {}

  /** The users, a stand-in for a database; provided to the app as a singleton. */
  public static final class UsersDb {
    private final Map<String, UserInDb> users;

    UsersDb(Map<String, UserInDb> users) {
      this.users = Map.copyOf(users);
    }

    /** The tutorial's two users: johndoe (password "secret") and alice ("secret2", disabled). */
    public static UsersDb demo(PasswordHasher hasher) {
      return new UsersDb(
          Map.of(
              "johndoe",
              new UserInDb(
                  new User(
                      "johndoe",
                      Optional.of("johndoe@example.com"),
                      Optional.of("John Doe"),
                      Optional.of(false)),
                  hasher.hash("secret".toCharArray())),
              "alice",
              new UserInDb(
                  new User(
                      "alice",
                      Optional.of("alice@example.com"),
                      Optional.of("Alice Chains"),
                      Optional.of(true)),
                  hasher.hash("secret2".toCharArray()))));
    }

    Optional<UserInDb> get(String username) {
      return Optional.ofNullable(users.get(username));
    }
  }

  /**
   * The user the bearer token names, if the token is valid and grants every scope required along
   * the chain above: FastAPI's {@code get_current_user(security_scopes, token)}.
   */
  public static final class GetCurrentUser {
    /** The current user, or 401 with the scopes needed in {@code WWW-Authenticate}. */
    public static User getCurrentUser(
        SecurityScopes security_scopes,
        @OAuth2PasswordBearer(
                tokenUrl = "token",
                scopes = {
                  @OAuth2Scope(
                      name = "me",
                      description = "Read information about the current user."),
                  @OAuth2Scope(name = "items", description = "Read items.")
                })
            String token,
        Jwt jwt,
        UsersDb db) {
      String authenticateValue =
          security_scopes.scopes().isEmpty()
              ? "Bearer"
              : "Bearer scope=\"" + security_scopes.scopeStr() + "\"";
      Map<String, String> challenge = Map.of("WWW-Authenticate", authenticateValue);
      JwtClaims claims;
      try {
        claims = jwt.verify(token);
      } catch (JwtException e) {
        throw new HttpException(401, "Could not validate credentials", challenge);
      }
      UserInDb user =
          db.get(claims.subject())
              .orElseThrow(
                  () -> new HttpException(401, "Could not validate credentials", challenge));
      for (String scope : security_scopes.scopes()) {
        if (!claims.hasScope(scope)) {
          throw new HttpException(401, "Not enough permissions", challenge);
        }
      }
      return user.user();
    }
  }

  /** The current user if not disabled; needs the {@code me} scope. */
  public static final class GetCurrentActiveUser {
    /** The user, or 400 "Inactive user". */
    public static User getCurrentActiveUser(
        @Depends(value = GetCurrentUser.class, scopes = "me") User current_user) {
      if (current_user.disabled().orElse(false)) {
        throw new HttpException(400, "Inactive user");
      }
      return current_user;
    }
  }

  /** The items router's guard: every route under it needs the {@code items} scope. */
  public static final class RequireItemsScope {
    /** Resolves the active user with the {@code items} scope required; the value is unused. */
    public static void requireItems(
        @Depends(value = GetCurrentActiveUser.class, scopes = "items") User current_user) {}
  }

  /** Login and the user's own data. */
  public static final class Users {
    private final PasswordHasher hasher;
    private final Jwt jwt;
    private final UsersDb db;

    Users(PasswordHasher hasher, Jwt jwt, UsersDb db) {
      this.hasher = hasher;
      this.jwt = jwt;
      this.db = db;
    }

    /** Exchanges a user name and password for a token with the scopes asked for. */
    @Post("/token")
    public Token loginForAccessToken(@Depends OAuth2PasswordRequestForm form_data) {
      Optional<UserInDb> user = db.get(form_data.username());
      // an unknown user costs a full Argon2id too, so the time taken does not tell who exists
      boolean valid =
          hasher.verify(form_data.password().toCharArray(), user.map(UserInDb::hashed_password));
      if (!valid) {
        throw new HttpException(400, "Incorrect username or password");
      }
      String accessToken = jwt.issue(form_data.username(), Map.of(), form_data.scopes());
      return new Token(accessToken, "bearer");
    }

    /** The current user; needs the {@code me} scope. */
    @Get("/users/me/")
    public User readUsersMe(@Depends(GetCurrentActiveUser.class) User current_user) {
      return current_user;
    }

    /** Any valid token, whatever its scopes. */
    @Get("/status/")
    public Map<String, String> readSystemStatus(@Depends(GetCurrentUser.class) User current_user) {
      return Map.of("status", "ok");
    }
  }

  /** The current user's items; the router requires the {@code items} scope for each. */
  public static final class Items {
    /** The items of the current user. */
    @Get("/users/me/items/")
    public List<Item> readOwnItems(
        @Depends(value = GetCurrentActiveUser.class, scopes = "items") User current_user) {
      return List.of(new Item("Foo", current_user.username()));
    }
  }

  /**
   * The app: the JWT key, the hasher and the users are provided singletons, so dependencies take
   * them as parameters.
   */
  public static Snel app(Jwt jwt, PasswordHasher hasher, UsersDb db) {
    return Snel.create()
        .provide(jwt)
        .provide(db)
        .include(new Users(hasher, jwt, db))
        .include(Router.create().dependencies(RequireItemsScope.class).include(new Items()));
  }

  /**
   * The app with its production settings: the signing secret from {@code SECRET_KEY} (make one with
   * {@code openssl rand -hex 32}; without it a random one is made, so tokens do not survive a
   * restart), tokens valid for 30 minutes, OWASP's Argon2id parameters and the demo users.
   */
  public static Snel app() {
    Jwt jwt;
    if (System.getenv("SECRET_KEY") != null) {
      jwt = Jwt.hs256FromEnvironment("SECRET_KEY");
    } else {
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      LOG.warn("SECRET_KEY is not set: signing with a random key, so tokens end with this process");
      jwt = Jwt.hs256(secret);
    }
    PasswordHasher hasher = PasswordHasher.argon2id();
    return app(jwt.withLifetime(ACCESS_TOKEN_EXPIRE), hasher, UsersDb.demo(hasher));
  }

  /** Serves the app on $PORT (default 8000). */
  public static void main(String[] args) {
    SnelServer.run(app());
  }
}
