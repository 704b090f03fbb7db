package dev.snel.internal.pipeline;

import dev.snel.BodyWriter;
import dev.snel.HttpException;
import dev.snel.Middleware;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.internal.errors.ExceptionRegistry;
import dev.snel.internal.files.FileAnswers;
import dev.snel.internal.lifecycle.BackgroundWork;
import dev.snel.internal.params.Injection;
import dev.snel.internal.params.RequestScope;
import dev.snel.internal.routing.CompiledRoute;
import dev.snel.internal.routing.RouteTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A request's way through the app: middleware, route lookup, dispatch to a virtual thread (or not,
 * for a non-blocking route), the request scope's dependencies, the handler, encoding, cleanups and
 * exception handlers; then, once the response is written, the background tasks. A response is
 * handed over as made: a HEAD answer's body is dropped where it is written (the server, the
 * TestClient), never here, since a handler may return one shared response every time; what the
 * pipeline adds to a response (work after writing) it adds to a copy.
 *
 * <p>Threading: without middleware, {@link #handle} runs the lookup on the caller's thread (a
 * server's I/O thread) and the rest on a new virtual thread, except for {@code @NonBlocking}
 * routes, which run on the caller's thread, and so do their exception handlers; exception handlers
 * of requests that match no route run on a virtual thread too. With middleware, everything runs on
 * the request's virtual thread, middleware first. A handler's {@code CompletionStage} completes
 * wherever it completes. {@code onResponse} is called exactly once, from any of these threads.
 */
public final class Pipeline {
  private final RouteTree<CompiledRoute> routes;
  private final ExceptionRegistry exceptions;
  private final Executor blocking;
  private final Injection injection;
  private final BackgroundWork background;
  private volatile boolean strictContentType = true;
  private volatile BuiltinRoutes builtins = request -> null;
  private volatile Middleware.@Nullable Next chain;

  /**
   * The work after the response of the request this thread is taking through the middleware: a
   * route's background tasks and late cleanups go onto the response that leaves the outermost
   * middleware, whatever the middleware did with the route's response (copied it, replaced it,
   * threw), so that they always run and the request scope always ends.
   */
  private static final ThreadLocal<@Nullable AfterResponse> AFTER_RESPONSE = new ThreadLocal<>();

  /** A pipeline over these routes and handlers, running blocking routes on the executor. */
  public Pipeline(
      RouteTree<CompiledRoute> routes,
      ExceptionRegistry exceptions,
      Injection injection,
      BackgroundWork background,
      Executor blocking) {
    this.routes = routes;
    this.injection = injection;
    this.exceptions = exceptions;
    this.background = background;
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

  /** Sets the middleware, outermost first; none for an empty list. */
  public void middleware(List<Middleware> outermostFirst) {
    Middleware.Next next = this::inner;
    for (int i = outermostFirst.size() - 1; i >= 0; i--) {
      Middleware middleware = outermostFirst.get(i);
      Middleware.Next rest = next;
      next = request -> middleware.handle(request, rest);
    }
    chain = outermostFirst.isEmpty() ? null : next;
  }

  /** Handles the request; {@code onResponse} receives the response. */
  public void handle(Request request, Consumer<Response> onResponse) {
    handle(request, blocking, onResponse);
  }

  /**
   * Handles the request, running it on a new thread of {@code threads} (a server's virtual threads
   * on the connection's event loop), except for a {@code @NonBlocking} route (on the caller's
   * thread) and an {@code @Offload} one (on this pipeline's own virtual threads); {@code
   * onResponse} receives the response.
   */
  public void handle(Request request, Executor threads, Consumer<Response> onResponse) {
    Middleware.Next outer = chain;
    if (outer != null) {
      // the route decides the thread before the middleware runs (a middleware that rewrites the
      // path keeps the thread the original path chose)
      Executor first = offloaded(request) ? blocking : threads;
      first.execute(() -> onResponse.accept(throughMiddleware(outer, request)));
      return;
    }
    // without middleware: every outcome, unhandled failures included, is a response for the server
    Completion completion = new Completion(onResponse, null, null);
    RouteTree.Match<CompiledRoute> match;
    try {
      match = routes.find(request.method(), request.path());
    } catch (RuntimeException e) {
      threads.execute(() -> onResponse.accept(exceptions.handle(request, e)));
      return;
    }
    switch (match) {
      case RouteTree.Found<CompiledRoute> found -> {
        CompiledRoute route = found.route();
        if (route.model().nonBlocking()) {
          run(route, request, found.values(), completion);
        } else {
          Executor on = route.model().offload() ? blocking : threads;
          on.execute(() -> run(route, request, found.values(), completion));
        }
      }
      case RouteTree.MethodNotAllowed<CompiledRoute> notAllowed ->
          threads.execute(
              () -> onResponse.accept(exceptions.handle(request, notAllowed(notAllowed))));
      // the built-in routes serve files (StaticFiles, the docs pages): off the loop
      case RouteTree.NotFound<CompiledRoute> notFound ->
          blocking.execute(() -> onResponse.accept(notFound(request)));
    }
  }

  /**
   * Whether the request leaves the server's threads: an {@code @Offload} route, or none (the
   * built-in routes serve files: StaticFiles, the docs pages).
   */
  private boolean offloaded(Request request) {
    try {
      return switch (routes.find(request.method(), request.path())) {
        case RouteTree.Found<CompiledRoute> found -> found.route().model().offload();
        case RouteTree.MethodNotAllowed<CompiledRoute> notAllowed -> false;
        case RouteTree.NotFound<CompiledRoute> notFound -> true;
      };
    } catch (RuntimeException e) {
      return false; // the middleware's own thread answers it
    }
  }

  private Response throughMiddleware(Middleware.Next outer, Request request) {
    AfterResponse after = new AfterResponse();
    AfterResponse enclosing = AFTER_RESPONSE.get();
    AFTER_RESPONSE.set(after);
    Response response;
    try {
      response = outer.proceed(request);
      if (response == null) { // a middleware's mistake; the client still gets its answer
        response =
            exceptions.handle(
                request, new IllegalStateException("a middleware answered no response (null)"));
      }
    } catch (Throwable e) {
      response = exceptions.handle(request, e);
    } finally {
      AFTER_RESPONSE.set(enclosing);
    }
    return after.attachTo(response);
  }

  /** The work after a response, collected while the request went through the middleware. */
  private final class AfterResponse {
    private @Nullable List<Runnable> work;

    synchronized void add(String requestId, Runnable more) {
      List<Runnable> all = work;
      if (all == null) {
        all = new ArrayList<>(1);
        work = all;
      }
      all.add(() -> background.start(requestId, more));
    }

    /** The response with the work to run once it is written, on a copy (it may be shared). */
    synchronized Response attachTo(Response response) {
      List<Runnable> all = work;
      if (all == null) {
        return response;
      }
      Response answer = withOwnWork(response);
      all.forEach(answer::afterWritten);
      return answer;
    }
  }

  /** A copy of the response that still runs the work the response itself carries. */
  private static Response withOwnWork(Response response) {
    return response.copy().afterWritten(response::written);
  }

  /**
   * The app inside the middleware, on the request's thread: a failure with a handler of its own is
   * answered by it; any other is thrown, for the middleware to see.
   */
  private Response inner(Request request) throws Exception {
    RouteTree.Match<CompiledRoute> match = routes.find(request.method(), request.path());
    return switch (match) {
      case RouteTree.Found<CompiledRoute> found -> {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        // inside middleware; without AFTER_RESPONSE (a middleware called next on a thread of its
        // own) the work after the response goes with the route's response
        Completion completion = new Completion(null, answer, AFTER_RESPONSE.get());
        run(found.route(), request, found.values(), completion);
        try {
          yield answer.get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof Exception exception) {
            throw exception;
          }
          throw (Error) Objects.requireNonNull(cause);
        }
      }
      case RouteTree.MethodNotAllowed<CompiledRoute> notAllowed ->
          exceptions.handle(request, notAllowed(notAllowed));
      case RouteTree.NotFound<CompiledRoute> notFound -> notFound(request);
    };
  }

  private static HttpException notAllowed(RouteTree.MethodNotAllowed<CompiledRoute> match) {
    return new HttpException(
        405, "Method Not Allowed", Map.of("allow", String.join(", ", match.allowed())));
  }

  /** Snel's own routes, then the other-slash redirect, then 404. */
  private Response notFound(Request request) {
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
    return answer;
  }

  /**
   * Where a route's outcome goes: a response to the server, or, inside middleware, a response or
   * the failure no specific handler answers.
   */
  private final class Completion {
    private final @Nullable Consumer<Response> onResponse;
    private final @Nullable CompletableFuture<Response> inMiddleware;
    private final @Nullable AfterResponse afterResponse;

    private Completion(
        @Nullable Consumer<Response> onResponse,
        @Nullable CompletableFuture<Response> inMiddleware,
        @Nullable AfterResponse afterResponse) {
      this.onResponse = onResponse;
      this.inMiddleware = inMiddleware;
      this.afterResponse = afterResponse;
    }

    /** Whether this failure is thrown to the middleware rather than answered here. */
    boolean throwsUnhandled(Throwable failure) {
      return inMiddleware != null && exceptions.onlyCatchAllHandles(failure);
    }

    void fail(Throwable failure) {
      Objects.requireNonNull(inMiddleware).completeExceptionally(failure);
    }

    void respond(Response response) {
      if (inMiddleware != null) {
        inMiddleware.complete(response);
      } else {
        Objects.requireNonNull(onResponse).accept(response);
      }
    }
  }

  private void run(CompiledRoute route, Request request, String[] values, Completion completion) {
    RequestScope scope = new RequestScope(injection, request, values, strictContentType);
    Object result;
    try {
      result = route.call(scope);
    } catch (Throwable e) {
      finish(route, scope, null, e, completion);
      return;
    }
    if (result instanceof CompletionStage<?> stage) {
      stage.whenComplete(
          (value, error) ->
              finish(route, scope, value, error == null ? null : unwrap(error), completion));
    } else {
      finish(route, scope, result, null, completion);
    }
  }

  /**
   * Makes the response for the handler's outcome: the result encoded, then the scope's cleanups run
   * seeing any failure (FastAPI runs the code after a dependency's {@code yield} before the
   * exception handlers), then the exception handlers answer the failure, if any. A streamed body
   * ends the scope when it has been written instead ({@link StreamedScope}). The request's
   * background tasks go with the response, to run once it is written.
   */
  private void finish(
      CompiledRoute route,
      RequestScope scope,
      @Nullable Object result,
      @Nullable Throwable failure,
      Completion completion) {
    Response response = null;
    if (failure == null) {
      try {
        response = route.toResponse(result, scope);
        // a file response is answered for its request here (304, 206, 416), on the route's thread
        response = FileAnswers.resolve(scope.request(), response);
      } catch (Throwable e) { // an Error too: the cleanups still run and the client is answered
        failure = e;
      }
    }
    BodyWriter stream = response == null ? null : response.bodyWriter();
    StreamedScope streamed = null;
    if (stream == null) {
      failure = scope.end(failure);
    } else {
      // the scope ends with the stream; the work after the response comes after both
      StreamedScope ends = new StreamedScope(scope);
      response =
          withOwnWork(Objects.requireNonNull(response))
              .body(ends.around(stream))
              .afterWritten(ends::endUnwritten);
      streamed = ends;
    }
    Throwable requestFailure = failure;
    Runnable workAfter =
        !scope.hasWorkAfterResponse()
            ? null
            : streamed == null
                ? () -> scope.runWorkAfterResponse(requestFailure)
                : afterStream(scope, streamed);
    AfterResponse collected = completion.afterResponse;
    if (workAfter != null && collected != null) {
      collected.add(scope.request().id(), workAfter);
      workAfter = null;
    }
    if (failure != null && completion.throwsUnhandled(failure)) {
      if (workAfter != null) {
        background.start(scope.request().id(), workAfter);
      }
      completion.fail(failure);
      return;
    }
    Response answer =
        failure != null
            ? exceptions.handle(scope.request(), failure)
            : Objects.requireNonNull(response, "a response when nothing failed");
    if (workAfter != null) {
      Runnable work = workAfter;
      String id = scope.request().id();
      answer = withOwnWork(answer).afterWritten(() -> background.start(id, work));
    }
    completion.respond(answer);
  }

  private static Runnable afterStream(RequestScope scope, StreamedScope streamed) {
    return () -> scope.runWorkAfterResponse(streamed.failure());
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
