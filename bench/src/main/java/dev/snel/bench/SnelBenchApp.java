package dev.snel.bench;

import dev.snel.EventStream;
import dev.snel.Get;
import dev.snel.NonBlocking;
import dev.snel.Post;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.StaticFiles;
import dev.snel.Status;
import dev.snel.WebSocket;
import dev.snel.WebSocketDisconnect;
import dev.snel.WebSocketSession;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Snel side of the load tests: the same endpoints as {@link RawNettyServer} and as the peer
 * harness's apps ({@code /work/shared/bench/peers}), written as a user would write them.
 *
 * <ul>
 *   <li>{@code GET /plaintext} → {@code Hello, World!} (text/plain)
 *   <li>{@code GET /json} → {@code {"message":"Hello, World!"}}
 *   <li>{@code GET /items/{item_id}?q=} → {@code {"item_id":42,"query_param":"abc"}}, as in
 *       examples/minimal
 *   <li>{@code POST /users} → 201 with the created user; the body model is validated by Snel
 *       (username 3..50 characters, an e-mail address, password of 8 or more); failures answer 422
 *       in FastAPI's format
 *   <li>{@code GET /sse?n=} → {@code n} Server-Sent Events {@code data: {"message":"Hello,
 *       World!"}}, as fast as the client reads (bench/streaming.sh)
 *   <li>{@code WebSocket /ws} → echoes each text message
 *   <li>{@code GET /static/{file}} → the files of the folder {@code STATIC_DIR}, through {@link
 *       StaticFiles}, when that variable is set
 * </ul>
 *
 * <p>Three dispatch modes with identical handlers: {@code virtual} (Snel's default: each request's
 * handler runs on its own virtual thread, carried by the connection's event loop), {@code offload}
 * (the same virtual threads on the JDK's default scheduler, {@code ServerConfig.offloadHandlers})
 * and {@code nonblocking} (every route {@link NonBlocking}, so handlers run on the Netty I/O
 * thread). Pick one with the first argument or the environment variable {@code SNEL_DISPATCH};
 * {@code HOST} and {@code PORT} as for any Snel app.
 *
 * <p>Threading: the handlers are stateless and safe from any thread.
 */
public final class SnelBenchApp {
  private static final String CREATED_AT = "2024-01-01T00:00:00";

  private SnelBenchApp() {}

  /** The body of {@code GET /json}. */
  public record Message(String message) {}

  /** The body of {@code POST /users}. */
  public record UserIn(
      @Size(min = 3, max = 50) String username,
      @Email String email,
      @Size(min = 8) String password) {}

  /** The answer to {@code POST /users}. */
  public record UserOut(int id, String username, String email, String created_at) {}

  /** The routes, each request on its own virtual thread (Snel's default). */
  public static class Routes {
    /** {@code GET /plaintext}. */
    @Get("/plaintext")
    public Response plaintext() {
      return Response.text("Hello, World!");
    }

    /** {@code GET /json}. */
    @Get("/json")
    public Message json() {
      return new Message("Hello, World!");
    }

    /** {@code GET /items/5?q=x}. */
    @Get("/items/{item_id}")
    public Map<String, Object> readItem(long item_id, Optional<String> q) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("item_id", item_id);
      body.put("query_param", q.orElse(null));
      return body;
    }

    /** {@code POST /users}. */
    @Post("/users")
    @Status(201)
    public UserOut createUser(UserIn user) {
      return new UserOut(1, user.username(), user.email(), CREATED_AT);
    }
  }

  /**
   * The streaming routes of bench/streaming.sh, in both dispatch modes (a streamed body and a
   * WebSocket handler run on a virtual thread of their own either way).
   */
  public static final class StreamRoutes {
    private static final Message HELLO = new Message("Hello, World!");

    /** {@code GET /sse?n=}: {@code n} events from a {@code Stream}, no delay between them. */
    @Get("/sse")
    public EventStream<Message> sse(long n) {
      return EventStream.of(Stream.generate(() -> HELLO).limit(n));
    }

    /** {@code WebSocket /ws}: echoes each text message until the client closes. */
    @WebSocket("/ws")
    public void echo(WebSocketSession session) {
      session.accept();
      try {
        while (true) {
          session.sendText(session.receiveText());
        }
      } catch (WebSocketDisconnect gone) {
        // the client closed
      }
    }
  }

  /** The same routes, run on the I/O thread. */
  @NonBlocking
  public static final class NonBlockingRoutes extends Routes {}

  /** The app; {@code nonBlocking} runs every route on the I/O thread. */
  public static Snel app(boolean nonBlocking) {
    Snel app =
        Snel.create()
            .include(nonBlocking ? new NonBlockingRoutes() : new Routes())
            .include(new StreamRoutes());
    String files = System.getenv("STATIC_DIR");
    if (files != null && !files.isBlank()) {
      app.mount("/static", StaticFiles.of(Path.of(files)));
    }
    return app;
  }

  /**
   * Serves the app on {@code HOST}:{@code PORT} (default 127.0.0.1:8000). The dispatch mode is the
   * first argument or {@code SNEL_DISPATCH}: {@code virtual} (default), {@code offload} or {@code
   * nonblocking}.
   */
  public static void main(String[] args) {
    String mode =
        args.length > 0 ? args[0] : System.getenv().getOrDefault("SNEL_DISPATCH", "virtual");
    ServerConfig config = ServerConfig.fromEnvironment();
    boolean nonBlocking = false;
    switch (mode.strip().toLowerCase(Locale.ROOT)) {
      case "virtual", "" -> {}
      case "offload" -> config = config.offloadHandlers(true);
      case "nonblocking", "non-blocking" -> nonBlocking = true;
      default ->
          throw new IllegalArgumentException(
              "dispatch mode is 'virtual', 'offload' or 'nonblocking', not: " + mode);
    }
    System.out.println("Snel bench app, dispatch: " + mode);
    SnelServer.run(app(nonBlocking), config);
  }
}
