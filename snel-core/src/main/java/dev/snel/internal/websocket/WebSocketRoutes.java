package dev.snel.internal.websocket;

import dev.snel.Offload;
import dev.snel.Request;
import dev.snel.RequestValidationException;
import dev.snel.Response;
import dev.snel.RouteDefinitionException;
import dev.snel.WebSocket;
import dev.snel.WebSocketDisconnect;
import dev.snel.WebSocketException;
import dev.snel.WebSocketSession;
import dev.snel.internal.errors.ExceptionRegistry;
import dev.snel.internal.lifecycle.BackgroundWork;
import dev.snel.internal.params.Injection;
import dev.snel.internal.params.Invocation;
import dev.snel.internal.params.ParamBinder;
import dev.snel.internal.params.ParamCompiler;
import dev.snel.internal.params.ParamModel;
import dev.snel.internal.params.RequestScope;
import dev.snel.internal.params.Source;
import dev.snel.internal.routing.DeclarationOrder;
import dev.snel.internal.routing.PathTemplate;
import dev.snel.internal.routing.RouteCompiler;
import dev.snel.internal.routing.RouteTree;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An app's WebSocket routes: compiled at startup with the same parameter compiler as HTTP routes,
 * kept in a tree of their own (a plain GET to their path is still 404, and OpenAPI never sees
 * them), and served each on its own virtual thread through a transport.
 *
 * <p>Threading: routes are added while the app is configured; {@link #matches} and {@link #handle}
 * may then be called from any thread (a server's I/O thread); each session runs on a new virtual
 * thread.
 */
public final class WebSocketRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketRoutes.class);
  private static final String METHOD = "GET";

  private final RouteTree<Route> tree = new RouteTree<>();
  private final Injection injection;
  private final ExceptionRegistry exceptions;
  private final BackgroundWork background;
  private final Executor threads;

  /** The session of each handshake request being served, for its {@code WebSocketSession}. */
  private final Map<Request, Session> sessions = new ConcurrentHashMap<>();

  private record Route(
      String path,
      Method handler,
      List<ParamBinder> before,
      Invocation invocation,
      boolean offload) {}

  /** The routes of an app, whose injection learns to give handlers their session. */
  public WebSocketRoutes(
      Injection injection,
      ExceptionRegistry exceptions,
      BackgroundWork background,
      Executor threads) {
    this.injection = injection;
    this.exceptions = exceptions;
    this.background = background;
    this.threads = threads;
    injection.register(WebSocketSession.class, new Injection.ByType(this::session, true));
  }

  private Session session(RequestScope scope) {
    Session session = sessions.get(scope.request());
    if (session == null) { // RouteCompiler refuses the type on HTTP routes; a Scope.get(...)?
      throw new IllegalStateException("a WebSocketSession exists only in a @WebSocket route");
    }
    return session;
  }

  /** Compiles and adds the {@link WebSocket} methods of the object, under the prefix. */
  public void add(Object handlers, String prefix, List<ParamCompiler.Declared> outer) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> type = handlers.getClass();
        type != null && type != Object.class;
        type = type.getSuperclass()) {
      hierarchy.addFirst(type);
    }
    for (Class<?> type : hierarchy) {
      for (Method method : DeclarationOrder.methods(type)) {
        WebSocket annotation = method.getAnnotation(WebSocket.class);
        if (annotation != null && !method.isBridge() && !method.isSynthetic()) {
          Route route = compile(handlers, method, prefix + annotation.value(), outer);
          Route taken = tree.add(METHOD, PathTemplate.parse(route.path()), route);
          if (taken != null) {
            throw new RouteDefinitionException(
                "two WebSocket routes for "
                    + route.path()
                    + ": "
                    + name(taken.handler())
                    + " and "
                    + name(method));
          }
        }
      }
    }
  }

  private Route compile(
      Object handlers, Method method, String path, List<ParamCompiler.Declared> outer) {
    String where = name(method);
    PathTemplate template = RouteCompiler.parsePath(path, where);
    ParamCompiler.Route params =
        RouteCompiler.compileParams(handlers, method, template, outer, injection, where);
    for (ParamModel param : params.params()) {
      if (param.source() == Source.BODY || param.source() == Source.FORM) {
        throw new RouteDefinitionException(
            where
                + ": a WebSocket handshake has no body, but "
                + param.javaName()
                + " reads one; receive messages with WebSocketSession.receiveJson");
      }
    }
    return new Route(
        path,
        method,
        params.before(),
        params.invocation(),
        RouteCompiler.marked(handlers, method, Offload.class));
  }

  private static String name(Method method) {
    return method.getDeclaringClass().getName() + "#" + method.getName();
  }

  /** Whether a WebSocket route has this path: a server asks before it treats a request so. */
  public boolean matches(String path) {
    return tree.find(METHOD, path) instanceof RouteTree.Found<Route>;
  }

  /**
   * Serves a handshake request on a new virtual thread: the route's dependencies and handler, which
   * accepts or refuses through the transport. Without a route for the path it is refused with 403,
   * as Starlette's router closes an unknown WebSocket.
   */
  public void handle(Request request, WebSocketTransport transport) {
    handle(request, transport, threads);
  }

  /**
   * The same, the session on a new thread of {@code sessionThreads} (a server's virtual threads on
   * the connection's event loop) unless its route is {@code @Offload}.
   */
  public void handle(Request request, WebSocketTransport transport, Executor sessionThreads) {
    RouteTree.Match<Route> match;
    try {
      match = tree.find(METHOD, request.path());
    } catch (RuntimeException e) { // a path the router cannot decode
      match = new RouteTree.NotFound<>();
    }
    if (!(match instanceof RouteTree.Found<Route> found)) {
      transport.refuse(Session.forbidden());
      transport.finished();
      return;
    }
    Route route = found.route();
    (route.offload() ? threads : sessionThreads)
        .execute(() -> serve(route, request, found.values(), transport));
  }

  private void serve(Route route, Request request, String[] values, WebSocketTransport transport) {
    Session session = new Session(request, transport, injection.types());
    RequestScope scope = new RequestScope(injection, request, values, true);
    sessions.put(request, session);
    Throwable failure = null;
    try {
      for (ParamBinder dependency : route.before()) {
        dependency.bind(scope);
      }
      Object[] args = route.invocation().arguments(scope);
      var errors = scope.errors();
      if (args == null || errors != null) {
        throw new RequestValidationException(errors == null ? List.of() : errors);
      }
      route.invocation().invoke(args);
    } catch (Throwable e) {
      failure = e;
    } finally {
      sessions.remove(request);
    }
    try {
      failure = scope.end(failure); // FastAPI's exit stack closes as the endpoint returns
      end(session, request, failure);
    } finally {
      try {
        if (scope.hasWorkAfterResponse()) {
          Throwable seen = failure;
          background.start(request.id(), () -> scope.runWorkAfterResponse(seen));
        }
      } finally {
        transport.finished();
      }
    }
  }

  /** What the connection sees of how the handler ended. */
  private void end(Session session, Request request, @Nullable Throwable failure) {
    if (!session.wasAccepted()) {
      if (session.state() == WebSocketSession.State.CONNECTING) {
        session.refuse(refusal(request, failure));
      }
      return;
    }
    switch (failure) {
      case null -> session.close();
      case WebSocketDisconnect gone -> session.close(); // already gone; nothing more is sent
      case WebSocketException closing -> session.close(closing.code(), closing.reason());
      case RequestValidationException invalid ->
          session.close(CloseCodes.INVALID_PAYLOAD, CloseCodes.fit("invalid message"));
      default -> {
        LOG.error("The WebSocket handler failed [request {}]", request.id(), failure);
        session.close(CloseCodes.INTERNAL_ERROR, "");
      }
    }
  }

  /**
   * The answer to a handshake the handler neither accepted nor closed: 403 for a validation error
   * or a WebSocketException (FastAPI closes for them, and uvicorn answers a close before accept
   * with 403); the exception handlers' response for anything else (Starlette's denial response: an
   * HttpException is its status and detail, an unexpected failure a logged 500); 500 if the handler
   * returned without answering, as uvicorn does.
   */
  private Response refusal(Request request, @Nullable Throwable failure) {
    return switch (failure) {
      case null -> {
        LOG.error(
            "The WebSocket handler returned without accepting or closing [request {}]",
            request.id());
        yield Response.empty(500);
      }
      case WebSocketException closing -> Session.forbidden();
      case RequestValidationException invalid -> Session.forbidden();
      case WebSocketDisconnect gone -> Session.forbidden(); // the client left meanwhile
      default -> exceptions.handle(request, failure);
    };
  }
}
