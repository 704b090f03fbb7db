package dev.snel.examples.auth;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Snel;
import dev.snel.security.HttpBasic;
import dev.snel.security.HttpBasicCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * FastAPI's "HTTP Basic Auth" tutorial: the browser asks for a user name and password, the
 * dependency compares them in constant time ({@code secrets.compare_digest} in Python, {@link
 * MessageDigest#isEqual} in Java). {@code /users/me} challenges with plain {@code Basic}, {@code
 * /reports} names a realm.
 */
public final class HttpBasicApp {
  private HttpBasicApp() {}

  // One user, to keep the example short; a real app looks users up and stores password hashes
  // (snel-security's PasswordHasher).
  private static final byte[] CORRECT_USERNAME = "stanleyjobson".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CORRECT_PASSWORD = "swordfish".getBytes(StandardCharsets.UTF_8);

  /** The user name of the request's Basic credentials: FastAPI's {@code get_current_username}. */
  public static final class GetCurrentUsername {
    /** The user name, or 401 "Incorrect username or password". */
    public static String getCurrentUsername(@HttpBasic HttpBasicCredentials credentials) {
      return check(credentials, "Basic");
    }
  }

  /** The same check behind a challenge that names the realm {@code reports}. */
  public static final class GetReportsUsername {
    /** The user name, or 401 "Incorrect username or password". */
    public static String getReportsUsername(
        @HttpBasic(realm = "reports") HttpBasicCredentials credentials) {
      return check(credentials, "Basic realm=\"reports\"");
    }
  }

  static String check(HttpBasicCredentials credentials, String challenge) {
    // Both are compared, each in a time that depends only on the length of what the client sent:
    // how long the answer takes does not tell how much of a name or password was right.
    boolean isCorrectUsername =
        MessageDigest.isEqual(
            credentials.username().getBytes(StandardCharsets.UTF_8), CORRECT_USERNAME);
    boolean isCorrectPassword =
        MessageDigest.isEqual(
            credentials.password().getBytes(StandardCharsets.UTF_8), CORRECT_PASSWORD);
    if (!(isCorrectUsername && isCorrectPassword)) {
      throw new HttpException(
          401, "Incorrect username or password", Map.of("WWW-Authenticate", challenge));
    }
    return credentials.username();
  }

  /** The routes. */
  public static final class Users {
    /** Who is logged in. */
    @Get("/users/me")
    public Map<String, String> readCurrentUser(@Depends(GetCurrentUsername.class) String username) {
      return Map.of("username", username);
    }

    /** The reports, behind the realm {@code reports}. */
    @Get("/reports")
    public Map<String, String> readReports(@Depends(GetReportsUsername.class) String username) {
      return Map.of("reports_for", username);
    }
  }

  /** The app, for the server and for tests. */
  public static Snel app() {
    return Snel.create().include(new Users());
  }
}
