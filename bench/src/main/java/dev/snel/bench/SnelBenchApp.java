package dev.snel.bench;

import dev.snel.Get;
import dev.snel.NonBlocking;
import dev.snel.Post;
import dev.snel.RequestValidationException;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.Status;
import dev.snel.ValidationError;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Snel side of the load tests: the same endpoints as {@link RawNettyServer} and as the peer
 * harness's apps ({@code /work/shared/bench/peers}), written as a user would write them.
 *
 * <ul>
 *   <li>{@code GET /plaintext} → {@code Hello, World!} (text/plain)
 *   <li>{@code GET /json} → {@code {"message":"Hello, World!"}}
 *   <li>{@code GET /items/{item_id}?q=} → {@code {"item_id":42,"query_param":"abc"}}, as in
 *       examples/minimal
 *   <li>{@code POST /users} → 201 with the created user; the body is checked by hand (username
 *       3..50 characters, an e-mail address, password of 8 or more), since Snel does not yet
 *       validate body models from annotations; failures answer 422 in FastAPI's format
 * </ul>
 *
 * <p>Two dispatch modes with identical handlers: {@code virtual} (Snel's default: each request's
 * handler runs on its own virtual thread) and {@code nonblocking} (every route {@link
 * NonBlocking}, so handlers run on the Netty I/O thread). Pick one with the first argument or the
 * environment variable {@code SNEL_DISPATCH}; {@code HOST} and {@code PORT} as for any Snel app.
 *
 * <p>Threading: the handlers are stateless and safe from any thread.
 */
public final class SnelBenchApp {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final String CREATED_AT = "2024-01-01T00:00:00";

  private SnelBenchApp() {}

  /** The body of {@code GET /json}. */
  public record Message(String message) {}

  /** The body of {@code POST /users}. */
  public record UserIn(String username, String email, String password) {}

  /** The answer to {@code POST /users}. */
  public record UserOut(int id, String username, String email, String created_at) {}

  /** The routes, each request on its own virtual thread (Snel's default). */
  public static final class Routes {
    /** {@code GET /plaintext}. */
    @Get("/plaintext")
    public Response plaintext() {
      return Handlers.plaintext();
    }

    /** {@code GET /json}. */
    @Get("/json")
    public Message json() {
      return Handlers.json();
    }

    /** {@code GET /items/5?q=x}. */
    @Get("/items/{item_id}")
    public Map<String, Object> readItem(long item_id, Optional<String> q) {
      return Handlers.readItem(item_id, q);
    }

    /** {@code POST /users}. */
    @Post("/users")
    @Status(201)
    public UserOut createUser(UserIn user) {
      return Handlers.createUser(user);
    }
  }

  /** The same routes, run on the I/O thread. */
  @NonBlocking
  public static final class NonBlockingRoutes {
    /** {@code GET /plaintext}. */
    @Get("/plaintext")
    public Response plaintext() {
      return Handlers.plaintext();
    }

    /** {@code GET /json}. */
    @Get("/json")
    public Message json() {
      return Handlers.json();
    }

    /** {@code GET /items/5?q=x}. */
    @Get("/items/{item_id}")
    public Map<String, Object> readItem(long item_id, Optional<String> q) {
      return Handlers.readItem(item_id, q);
    }

    /** {@code POST /users}. */
    @Post("/users")
    @Status(201)
    public UserOut createUser(UserIn user) {
      return Handlers.createUser(user);
    }
  }

  /** The handlers' bodies, shared by both dispatch modes. */
  private static final class Handlers {
    static Response plaintext() {
      return Response.text("Hello, World!");
    }

    static Message json() {
      return new Message("Hello, World!");
    }

    static Map<String, Object> readItem(long itemId, Optional<String> q) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("item_id", itemId);
      body.put("query_param", q.orElse(null));
      return body;
    }

    /** Validation by hand until Snel validates body models (a later issue). */
    static UserOut createUser(UserIn user) {
      List<ValidationError> errors = new ArrayList<>(3);
      checkLength(errors, "username", user.username(), 3, 50);
      if (user.email() == null) {
        errors.add(missing("email"));
      } else if (!EMAIL.matcher(user.email()).matches()) {
        errors.add(
            new ValidationError(
                "value_error",
                List.of("body", "email"),
                "value is not a valid email address: The email address is not valid.",
                user.email()));
      }
      checkLength(errors, "password", user.password(), 8, Integer.MAX_VALUE);
      if (!errors.isEmpty()) {
        throw new RequestValidationException(errors);
      }
      return new UserOut(1, user.username(), user.email(), CREATED_AT);
    }

    private static void checkLength(List<ValidationError> errors, String field, String value, int min, int max) {
      if (value == null) {
        errors.add(missing(field));
        return;
      }
      int length = value.codePointCount(0, value.length());
      if (length < min) {
        errors.add(tooShortOrLong(field, value, "string_too_short", "at least", "min_length", min));
      } else if (length > max) {
        errors.add(tooShortOrLong(field, value, "string_too_long", "at most", "max_length", max));
      }
    }

    private static ValidationError tooShortOrLong(
        String field, String value, String type, String bound, String ctxName, int limit) {
      String msg = String.format(Locale.ROOT, "String should have %s %d characters", bound, limit);
      return new ValidationError(type, List.of("body", field), msg, value, Map.of(ctxName, limit));
    }

    private static ValidationError missing(String field) {
      return new ValidationError("missing", List.of("body", field), "Field required", null);
    }
  }

  /** The app; {@code nonBlocking} runs every route on the I/O thread. */
  public static Snel app(boolean nonBlocking) {
    return Snel.create().include(nonBlocking ? new NonBlockingRoutes() : new Routes());
  }

  /**
   * Serves the app on {@code HOST}:{@code PORT} (default 127.0.0.1:8000). The dispatch mode is
   * the first argument or {@code SNEL_DISPATCH}: {@code virtual} (default) or {@code nonblocking}.
   */
  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : System.getenv().getOrDefault("SNEL_DISPATCH", "virtual");
    boolean nonBlocking =
        switch (mode.strip().toLowerCase(Locale.ROOT)) {
          case "virtual", "" -> false;
          case "nonblocking", "non-blocking" -> true;
          default -> throw new IllegalArgumentException("dispatch mode is 'virtual' or 'nonblocking', not: " + mode);
        };
    System.out.println("Snel bench app, dispatch: " + (nonBlocking ? "nonblocking (I/O thread)" : "virtual threads"));
    SnelServer.run(app(nonBlocking), ServerConfig.fromEnvironment());
  }
}
