package dev.snel.internal.pipeline;

import dev.snel.HttpException;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.internal.errors.ExceptionRegistry;
import dev.snel.internal.params.Injection;
import dev.snel.internal.params.RequestScope;
import dev.snel.internal.routing.CompiledRoute;
import dev.snel.internal.routing.RouteTree;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A request's way through the app: route lookup, dispatch to a virtual thread (or not, for a
 * non-blocking route), binding, the handler, encoding and exception handlers. A response is handed
 * over as made: a HEAD answer's body is dropped where it is written (the server, the TestClient),
 * never here, since a handler may return one shared response every time.
 *
 * <p>Threading: {@link #handle} runs the lookup on the caller's thread (a server's I/O thread) and
 * the rest on a new virtual thread, except for {@code @NonBlocking} routes, which run on the
 * caller's thread, and so do their exception handlers; exception handlers of requests that match no
 * route run on a virtual thread too. A handler's {@code CompletionStage} completes wherever it
 * completes. {@code onResponse} is called exactly once, from any of these threads.
 */
public final class Pipeline {
  private final RouteTree<CompiledRoute> routes;
  private final ExceptionRegistry exceptions;
  private final Executor blocking;
  private final Injection injection;
  private volatile boolean strictContentType = true;
  private volatile BuiltinRoutes builtins = request -> null;

  /** A pipeline over these routes and handlers, running blocking routes on the executor. */
  public Pipeline(
      RouteTree<CompiledRoute> routes,
      ExceptionRegistry exceptions,
      Injection injection,
      Executor blocking) {
    this.routes = routes;
    this.injection = injection;
    this.exceptions = exceptions;
    this.blocking = blocking;
  }

  /** Whether JSON bodies need a JSON content type (FastAPI's strict_content_type). */
  public void strictContentType(boolean strict) {
    this.strictContentType = strict;
  }

  /** Sets the routes Snel serves itself when no user route has the path. */
  public void builtins(BuiltinRoutes builtins) {
    this.builtins = builtins;
  }

  /** Handles the request; {@code onResponse} receives the response. */
  public void handle(Request request, Consumer<Response> onResponse) {
    RouteTree.Match<CompiledRoute> match;
    try {
      match = routes.find(request.method(), request.path());
    } catch (RuntimeException e) {
      blocking.execute(() -> onResponse.accept(exceptions.handle(request, e)));
      return;
    }
    switch (match) {
      case RouteTree.Found<CompiledRoute> found -> {
        CompiledRoute route = found.route();
        if (route.model().nonBlocking()) {
          run(route, request, found.values(), onResponse);
        } else {
          blocking.execute(() -> run(route, request, found.values(), onResponse));
        }
      }
      case RouteTree.MethodNotAllowed<CompiledRoute> notAllowed ->
          fail(
              request,
              new HttpException(
                  405,
                  "Method Not Allowed",
                  Map.of("allow", String.join(", ", notAllowed.allowed()))),
              onResponse);
      case RouteTree.NotFound<CompiledRoute> notFound ->
          blocking.execute(() -> notFound(request, onResponse));
    }
  }

  /** Snel's own routes, then the other-slash redirect, then 404. */
  private void notFound(Request request, Consumer<Response> onResponse) {
    Response answer;
    try {
      answer = builtins.handle(request);
      if (answer == null) {
        answer = redirectToOtherSlash(request);
      }
      if (answer == null) {
        answer = exceptions.handle(request, new HttpException(404));
      }
    } catch (Throwable e) {
      answer = exceptions.handle(request, e);
    }
    onResponse.accept(answer);
  }

  /** Exception handlers may block (they are user code), so they run off the caller's thread. */
  private void fail(Request request, HttpException error, Consumer<Response> onResponse) {
    blocking.execute(() -> onResponse.accept(exceptions.handle(request, error)));
  }

  private void run(
      CompiledRoute route, Request request, String[] values, Consumer<Response> onResponse) {
    RequestScope scope = new RequestScope(injection, request, values, strictContentType);
    Object result;
    try {
      result = route.call(scope);
    } catch (Throwable e) {
      onResponse.accept(finish(route, scope, null, e));
      return;
    }
    if (result instanceof CompletionStage<?> stage) {
      stage.whenComplete(
          (value, error) ->
              onResponse.accept(finish(route, scope, value, error == null ? null : unwrap(error))));
    } else {
      onResponse.accept(finish(route, scope, result, null));
    }
  }

  /**
   * The response for the handler's outcome: the result encoded, then the scope's cleanups run
   * seeing any failure (FastAPI runs the code after a dependency's {@code yield} before the
   * exception handlers), then the exception handlers answer the failure, if any.
   */
  private Response finish(
      CompiledRoute route,
      RequestScope scope,
      @Nullable Object result,
      @Nullable Throwable failure) {
    Response response = null;
    if (failure == null) {
      try {
        response = route.toResponse(result, scope);
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    failure = scope.end(failure);
    return failure != null
        ? exceptions.handle(scope.request(), failure)
        : Objects.requireNonNull(response, "a response when nothing failed");
  }

  /**
   * Starlette's redirect_slashes: an unknown {@code /items/5/} whose twin {@code /items/5} exists
   * (for any method) is redirected there with 307, and the other way round.
   */
  private @Nullable Response redirectToOtherSlash(Request request) {
    String path = request.path();
    if (path.equals("/")) {
      return null;
    }
    boolean hasSlash = path.endsWith("/");
    String twin = hasSlash ? path.substring(0, path.length() - 1) : path + "/";
    if (routes.find(request.method(), twin) instanceof RouteTree.NotFound<CompiledRoute>) {
      return null;
    }
    String raw = request.rawPath();
    String rawTwin = hasSlash ? raw.substring(0, raw.length() - 1) : raw + "/";
    String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
    return Response.redirect(request.baseUrl() + rawTwin + query);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
