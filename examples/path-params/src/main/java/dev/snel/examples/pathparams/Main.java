package dev.snel.examples.pathparams;

import dev.snel.Get;
import dev.snel.Path;
import dev.snel.Snel;
import dev.snel.netty.SnelServer;
import java.util.Map;

/**
 * The path parameters tutorial (docs/tutorial/path-params.md): typed parameters, wire names, enums,
 * {@code {name:path}} and which of two matching routes answers.
 */
public final class Main {

  /** The routes, in the order the tutorial shows them. */
  public static final class Routes {
    /** {@code GET /orders/7} answers {@code {"order": 7}}; errors name {@code orderId}. */
    @Get("/orders/{orderId}")
    public Map<String, Object> readOrder(@Path("orderId") long id) {
      return Map.of("order", id);
    }

    /** {@code GET /small/7} answers {@code {"n": 7}}; beyond an int's range is a 422. */
    @Get("/small/{n}")
    public Map<String, Object> small(int n) {
      return Map.of("n", n);
    }

    /** The three colors; a constant's name is its value on the wire. */
    public enum Color {
      red,
      green,
      blue
    }

    /** {@code GET /colors/red} answers {@code {"color": "red"}}. */
    @Get("/colors/{color}")
    public Map<String, Color> color(Color color) {
      return Map.of("color", color);
    }

    /** What {@code GET /models/{model_name}} answers. */
    public record ModelInfo(ModelName model_name, String message) {}

    /** {@code GET /models/alexnet} answers {@code {"model_name": "alexnet", "message": ...}}. */
    @Get("/models/{model_name}")
    public ModelInfo getModel(ModelName model_name) {
      String message =
          switch (model_name) {
            case ALEXNET -> "the 2012 classic";
            case RESNET -> "skip connections everywhere";
            case LENET -> "handwritten digits since 1998";
          };
      return new ModelInfo(model_name, message);
    }

    /** {@code GET /files/a/b/c} answers {@code {"file_path": "a/b/c"}}. */
    @Get("/files/{file_path:path}")
    public Map<String, String> readFile(String file_path) {
      return Map.of("file_path", file_path);
    }

    /** {@code GET /users/42} answers {@code {"user_id": "42"}}. */
    @Get("/users/{user_id}")
    public Map<String, String> readUser(String user_id) {
      return Map.of("user_id", user_id);
    }

    /** {@code GET /users/me} answers here, although {@code /users/{user_id}} matches it too. */
    @Get("/users/me")
    public Map<String, String> readCurrentUser() {
      return Map.of("user_id", "the current user");
    }
  }

  /** The app, for the server and for tests. */
  public static Snel app() {
    return Snel.create().include(new Routes());
  }

  /** Serves the app on $PORT (default 8000). */
  public static void main(String[] args) {
    SnelServer.run(app());
  }
}
