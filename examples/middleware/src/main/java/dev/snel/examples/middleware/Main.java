package dev.snel.examples.middleware;

import dev.snel.BackgroundTasks;
import dev.snel.Get;
import dev.snel.Json;
import dev.snel.Middleware;
import dev.snel.Post;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.middleware.Cors;
import dev.snel.middleware.GZip;
import dev.snel.middleware.HttpsRedirect;
import dev.snel.middleware.RequestId;
import dev.snel.middleware.TrustedHost;
import dev.snel.netty.SnelServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The middleware tutorial (docs/tutorial/middleware.md): FastAPI's process-time middleware, CORS,
 * GZip and request ids around a few routes ({@link #app()}), and a second app behind TrustedHost
 * and HttpsRedirect ({@link #publicApp()}).
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  /** What the background task wrote, for the tests to read. */
  public static final List<String> NOTIFICATIONS = new CopyOnWriteArrayList<>();

  /** The routes. */
  public static final class Items {
    /** {@code GET /items/5}: a small JSON answer. */
    @Get("/items/{item_id}")
    public Map<String, Object> readItem(long item_id) {
      return Json.object("item_id", item_id);
    }

    /** {@code GET /report}: a long text, which GZip compresses. */
    @Get("/report")
    public Response report() {
      return Response.text("All items are fine.\n".repeat(200));
    }

    /** A background task, which runs after the response left every middleware and the server. */
    @Post("/send-notification/{email}")
    public Map<String, Object> sendNotification(String email, BackgroundTasks tasks) {
      tasks.add(() -> NOTIFICATIONS.add("notification for " + email));
      return Json.object("message", "Notification sent in the background");
    }
  }

  /** FastAPI's {@code add_process_time_header}: how long the rest of the app took, in seconds. */
  static Response addProcessTimeHeader(Request request, Middleware.Next next) throws Exception {
    long start = System.nanoTime();
    Response response = next.proceed(request);
    double processTime = (System.nanoTime() - start) / 1e9;
    return response.header("X-Process-Time", Double.toString(processTime));
  }

  /** The app: the last middleware added is the outermost. */
  public static Snel app() {
    return Snel.create()
        .include(new Items())
        .middleware(Main::addProcessTimeHeader)
        .middleware(GZip.create(1000, 5))
        .middleware(
            Cors.builder()
                .allowOrigins("http://localhost:8080", "https://example.com")
                .allowCredentials(true)
                .allowMethods("*")
                .allowHeaders("*")
                .build())
        .middleware(RequestId.create());
  }

  /** The same routes for the public internet: only its host names, only over https. */
  public static Snel publicApp() {
    return Snel.create()
        .include(new Items())
        .middleware(HttpsRedirect.create())
        .middleware(TrustedHost.allowing("example.com", "*.example.com"));
  }

  /** Serves {@link #app()} on {@code $PORT} (8000 by default). */
  public static void main(String[] args) {
    LOG.info("Try: curl -i -H 'accept-encoding: gzip' http://127.0.0.1:8000/report --output -");
    SnelServer.run(app());
  }
}
