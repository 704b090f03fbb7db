package dev.snel.examples.auth;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Json;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.netty.SnelServer;
import dev.snel.security.OAuth2PasswordBearer;
import dev.snel.security.OAuth2PasswordRequestForm;
import java.util.Map;
import java.util.Optional;

/**
 * The seed post's authentication chapter, as written there: {@code POST /token} takes the OAuth2
 * password form and answers a fixed token for johndoe/secret; {@code GET /users/me} reads the
 * bearer token through the {@code getCurrentUser} dependency, which keeps security out of the
 * handler. (The seed's own advice for production, a JWT library and hashed passwords, is
 * examples/auth-jwt.)
 */
public final class Main {

  /** The user as the API shows it. */
  public record User(String username, Optional<String> email, Optional<Boolean> disabled) {}

  /** The current user, from the bearer token: FastAPI's {@code get_current_user}. */
  public static final class GetCurrentUser {
    /** The user the token belongs to; 401 for any other token. */
    public static User getCurrentUser(@OAuth2PasswordBearer(tokenUrl = "token") String token) {
      if (!token.equals("geheim-token-123")) {
        throw new HttpException(
            401, "Invalid authentication credentials", Map.of("WWW-Authenticate", "Bearer"));
      }
      return new User("johndoe", Optional.of("johndoe@example.com"), Optional.of(false));
    }
  }

  /** The routes. */
  public static final class Auth {
    /** Exchanges a user name and password for a token. */
    @Post("/token")
    public Object login(@Depends OAuth2PasswordRequestForm form_data) {
      if (form_data.username().equals("johndoe") && form_data.password().equals("secret")) {
        return Json.object("access_token", "geheim-token-123", "token_type", "bearer");
      }
      throw new HttpException(400, "Incorrect username or password");
    }

    /** The user the request's token belongs to. */
    @Get("/users/me")
    public User readUsersMe(@Depends(GetCurrentUser.class) User current_user) {
      return current_user;
    }
  }

  /** The app, for the server and for tests. */
  public static Snel app() {
    return Snel.create().include(new Auth());
  }

  /**
   * Serves an app on $PORT (default 8000): {@link #app()}, or the one named by $APP ({@code
   * first-steps}, {@code http-basic} or {@code forms}).
   */
  public static void main(String[] args) {
    String name = System.getenv().getOrDefault("APP", "seed");
    SnelServer.run(
        switch (name) {
          case "seed" -> app();
          case "first-steps" -> FirstStepsApp.app();
          case "http-basic" -> HttpBasicApp.app();
          case "forms" -> FormsApp.app();
          default ->
              throw new IllegalArgumentException(
                  "APP=" + name + ": use seed, first-steps, http-basic or forms");
        });
  }
}
