package dev.snel;

/**
 * Code around every request: FastAPI's {@code @app.middleware("http")} with {@code call_next}. A
 * middleware receives the request and the rest of the app as {@link Next}; it may answer by itself
 * (short-circuit), change the request it passes on, or change the response it gets back.
 *
 * <pre>{@code
 * app.middleware((request, next) -> {
 *   long start = System.nanoTime();
 *   Response response = next.proceed(request);
 *   return response.header("x-process-time", Double.toString((System.nanoTime() - start) / 1e9));
 * });
 * }</pre>
 *
 * <p>Middleware runs before routing, so it also sees requests no route declares (a CORS preflight,
 * a 404); the middleware added last is the outermost, as in Starlette. {@code next} answers an
 * exception that has a handler (an {@link HttpException}, a validation error, a type registered
 * with {@link Snel#exceptionHandler}) with that handler's response, and throws any other, so a
 * middleware sees unhandled exceptions; the app answers them with 500 outside all middleware.
 * Background tasks run after the response is written, never inside a middleware's call.
 *
 * <p>Middleware runs on the request's virtual thread and may block.
 */
@FunctionalInterface
public interface Middleware {
  /** Answers the request, usually by calling {@code next.proceed(request)}. */
  Response handle(Request request, Next next) throws Exception;

  /** The rest of the app: inner middleware, routing, the handler. */
  @FunctionalInterface
  interface Next {
    /** The response of the rest of the app to this request. */
    Response proceed(Request request) throws Exception;
  }
}
