package dev.snel.examples.auth;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.security.OAuth2PasswordBearer;
import java.util.Map;

/**
 * FastAPI's "Security - First Steps": one route that needs a bearer token and answers it back. No
 * login exists yet; the point is the 401 without a token and the Authorize button of /docs.
 */
public final class FirstStepsApp {
  private FirstStepsApp() {}

  /** The routes. */
  public static final class Items {
    /** The request's bearer token; 401 without one. */
    @Get("/items/")
    public Map<String, String> readItems(@OAuth2PasswordBearer(tokenUrl = "token") String token) {
      return Map.of("token", token);
    }
  }

  /** The app, for the server and for tests. */
  public static Snel app() {
    return Snel.create().include(new Items());
  }
}
