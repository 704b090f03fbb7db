package dev.snel.middleware;

import dev.snel.BackgroundTasks;
import dev.snel.Middleware;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.internal.middleware.Edits;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Request ids, timing and an access log, in one middleware. FastAPI has no built-in for this; its
 * docs show the timing part as {@code @app.middleware("http")} adding {@code X-Process-Time}, and
 * uvicorn writes the access log.
 *
 * <pre>{@code
 * app.middleware(RequestId.create());
 * }</pre>
 *
 * <p>For each request it:
 *
 * <ul>
 *   <li>puts {@link Request#id()} (the client's {@code x-request-id} if safe, else a new one) in
 *       SLF4J's MDC as {@code request_id} while the app handles the request on this thread, as Snel
 *       does while the request's background tasks run, so every log line can carry it;
 *   <li>sends it back as {@code x-request-id};
 *   <li>adds {@code Server-Timing: app;dur=1.234}, the time in milliseconds the app took inside
 *       this middleware (browsers' developer tools show it);
 *   <li>logs one line at INFO on the {@code dev.snel.access} logger: {@code "GET /items/5" 200
 *       1.234ms request_id=3f2a...}. The path is logged without its query, which may hold secrets.
 * </ul>
 *
 * <p>A request the app fails with an exception no handler answers is logged with status 500 and the
 * exception goes on to the app's 500 answer, which carries the request id too.
 *
 * <p>Stateless and thread-safe; the MDC entry belongs to the request's thread.
 */
public final class RequestId implements Middleware {
  private static final Logger ACCESS = LoggerFactory.getLogger("dev.snel.access");

  private RequestId() {}

  /** The middleware. */
  public static RequestId create() {
    return new RequestId();
  }

  @Override
  public Response handle(Request request, Next next) throws Exception {
    String id = request.id();
    @Nullable String outer = MDC.get(BackgroundTasks.REQUEST_ID);
    MDC.put(BackgroundTasks.REQUEST_ID, id);
    long start = System.nanoTime();
    int status = 500;
    try {
      Response response = next.proceed(request);
      status = response.status();
      return Edits.copy(response)
          .header("x-request-id", id)
          .header("server-timing", "app;dur=" + millis(System.nanoTime() - start));
    } finally {
      if (ACCESS.isInfoEnabled()) {
        ACCESS.info(
            "\"{} {}\" {} {}ms request_id={}",
            request.method(),
            request.rawPath(),
            status,
            millis(System.nanoTime() - start),
            id);
      }
      if (outer == null) {
        MDC.remove(BackgroundTasks.REQUEST_ID);
      } else {
        MDC.put(BackgroundTasks.REQUEST_ID, outer);
      }
    }
  }

  /** Milliseconds with three decimals. */
  private static String millis(long nanos) {
    long micros = nanos / 1000;
    String fraction = Long.toString(1000 + micros % 1000).substring(1);
    return micros / 1000 + "." + fraction;
  }
}
