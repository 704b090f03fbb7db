package dev.snel.examples.minimal;

import dev.snel.Get;
import dev.snel.Json;
import dev.snel.Snel;
import dev.snel.netty.SnelServer;
import java.util.Map;
import java.util.Optional;

/** The seed post's first app: a typed path parameter and an optional query parameter. */
public final class Main {

  /** The routes. */
  public static final class Items {
    /** {@code GET /items/5?q=x} answers {@code {"item_id": 5, "query_param": "x"}}. */
    @Get("/items/{item_id}")
    public Map<String, Object> readItem(long item_id, Optional<String> q) {
      return Json.object("item_id", item_id, "query_param", q.orElse(null));
    }
  }

  /** The app, for the server and for tests. */
  public static Snel app() {
    return Snel.create().include(new Items());
  }

  /** Serves the app on $PORT (default 8000). */
  public static void main(String[] args) {
    SnelServer.run(app());
  }
}
