package dev.snel.examples.errors;

import dev.snel.Get;
import dev.snel.Json;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.netty.SnelServer;
import java.util.Map;

/** The seed post's error handling: a custom exception and one global handler for it. */
public final class Main {

  /** Thrown by any handler when a thing misbehaves; the app answers it with 418. */
  public static final class ThingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String name;

    /** A failure caused by the named thing. */
    public ThingException(String name) {
      super("thing " + name + " caused an issue");
      this.name = name;
    }

    /** The thing's name. */
    public String name() {
      return name;
    }
  }

  /** The routes. */
  public static final class Things {
    /** {@code GET /thing/hello} answers {@code {"thing_name": "hello"}}; "yolo" fails. */
    @Get("/thing/{name}")
    public Map<String, Object> readThing(String name) {
      if (name.equals("yolo")) {
        throw new ThingException(name);
      }
      return Map.of("thing_name", name);
    }
  }

  /** The app, for the server and for tests. */
  public static Snel app() {
    return Snel.create()
        .include(new Things())
        .exceptionHandler(
            ThingException.class,
            (request, e) -> {
              Map<String, Object> body =
                  Json.object(
                      "message",
                      "ERROR: The thing '" + e.name() + "' caused an issue.",
                      "error_code",
                      "THING_ESCAPE_ERROR");
              return Response.json(body).status(418);
            });
  }

  /** Serves the app on $PORT (default 8000). */
  public static void main(String[] args) {
    SnelServer.run(app());
  }
}
