package dev.snel;

import dev.snel.internal.errors.ExceptionRegistry;
import dev.snel.internal.files.StaticMount;
import dev.snel.internal.json.Json;
import dev.snel.internal.lifecycle.BackgroundWork;
import dev.snel.internal.lifecycle.Lifecycle;
import dev.snel.internal.openapi.DocsRoutes;
import dev.snel.internal.openapi.DocumentInfo;
import dev.snel.internal.openapi.OpenApi30;
import dev.snel.internal.openapi.OpenApiDocument;
import dev.snel.internal.params.Injection;
import dev.snel.internal.params.ParamCompiler;
import dev.snel.internal.params.RequestScope;
import dev.snel.internal.pipeline.Pipeline;
import dev.snel.internal.routing.CompiledRoute;
import dev.snel.internal.routing.PathTemplate;
import dev.snel.internal.routing.RouteCompiler;
import dev.snel.internal.routing.RouteModel;
import dev.snel.internal.routing.RouteTree;
import dev.snel.internal.schema.Schemas;
import dev.snel.internal.security.Schemes;
import dev.snel.internal.threads.VirtualThreads;
import dev.snel.internal.websocket.WebSocketRoutes;
import dev.snel.internal.websocket.WebSocketTransport;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Snel application: the routes, compiled from plain annotated methods, and the exception
 * handlers. The FastAPI {@code app = FastAPI()} of Snel.
 *
 * <pre>{@code
 * public class Items {
 *   @Get("/items/{item_id}")
 *   public Map<String, Object> readItem(long item_id, Optional<String> q) { ... }
 * }
 *
 * Snel app = Snel.create().include(new Items());
 * SnelServer.run(app);   // from snel-netty
 * }</pre>
 *
 * <p>Parameters follow FastAPI's rules: a parameter named in the path template is a path parameter;
 * a scalar (String, numbers, boolean, BigDecimal, UUID, enums, java.time types) or a List/Set of
 * scalars is a query parameter; a record or class is the JSON body; {@link Request} and {@link
 * Response} are injected; {@code Optional} or {@link Default} makes a parameter optional, else it
 * is required. {@link Path}, {@link Query}, {@link Header}, {@link Cookie} and {@link Body}
 * override the source. Invalid input is answered with 422 and every error of the request, in
 * FastAPI's format.
 *
 * <p>Threading: configure the app (include, exceptionHandler) on one thread before serving; then
 * {@link #handle} may be called from any thread. Each request's handler runs on its own virtual
 * thread, unless its route is {@link NonBlocking}.
 */
public final class Snel implements AutoCloseable {
  private final RouteTree<CompiledRoute> tree = new RouteTree<>();
  private final List<RouteModel> routes = new ArrayList<>();
  // this app's compiled models: shared by its routes and its document, by no other app
  private final Schemas types = new Schemas();
  private final Injection injection = new Injection(types);
  private final List<ParamCompiler.Declared> dependencies = new ArrayList<>();
  private final ExceptionRegistry exceptions = new ExceptionRegistry();
  // A bare factory, not a ThreadPerTaskExecutor: that executor records every thread in a set
  // (for its shutdown), a cost per request the server does not need: it tracks requests itself.
  private final ThreadFactory handlerThreads =
      VirtualThreads.onDefaultScheduler().name("snel-handler").factory();
  private final Executor virtualThreads = task -> handlerThreads.newThread(task).start();
  private final BackgroundWork background = new BackgroundWork();
  private final Lifecycle lifecycle = new Lifecycle();
  private final List<Middleware> middleware = new ArrayList<>();
  private volatile Duration shutdownTimeout = Duration.ofSeconds(30);
  private final Pipeline pipeline =
      new Pipeline(tree, exceptions, injection, background, virtualThreads);
  private final WebSocketRoutes webSockets =
      new WebSocketRoutes(injection, exceptions, background, virtualThreads);
  private final OpenApi openApi = new OpenApi();
  private volatile @Nullable DocsRoutes docs;
  private final List<StaticMount> mounts = new CopyOnWriteArrayList<>();

  private Snel() {
    Schemes.registerAll(injection);
    // the docs first, as FastAPI adds their routes before any of the app's mounts
    pipeline.builtins(
        request -> {
          Response answer = docs().handle(request);
          for (int i = 0; answer == null && i < mounts.size(); i++) {
            answer = mounts.get(i).handle(request);
          }
          return answer;
        });
  }

  /** A new app with no routes. */
  public static Snel create() {
    return new Snel();
  }

  /**
   * Adds the routes of an object's methods annotated with {@link Get}, {@link Post} and the other
   * HTTP method annotations. Fails with {@link RouteDefinitionException} if a route cannot be
   * compiled.
   */
  public Snel include(Object handlers) {
    if (handlers instanceof Router router) {
      return include(router);
    }
    addRoutes(handlers, "", List.of(), dependencies);
    return this;
  }

  /** Adds the routes of a router, under its prefix and with its tags. */
  public Snel include(Router router) {
    include(router, "", List.of(), dependencies);
    return this;
  }

  private void include(
      Router router,
      String outerPrefix,
      List<String> outerTags,
      List<ParamCompiler.Declared> outerDependencies) {
    String prefix = outerPrefix + router.prefix();
    List<String> tags = new ArrayList<>(outerTags);
    tags.addAll(router.tags());
    List<ParamCompiler.Declared> routerDependencies = new ArrayList<>(outerDependencies);
    routerDependencies.addAll(router.dependencies());
    for (Object member : router.members()) {
      if (member instanceof Router nested) {
        include(nested, prefix, tags, routerDependencies);
      } else {
        addRoutes(member, prefix, tags, routerDependencies);
      }
    }
  }

  /**
   * Dependencies every route included from now on runs first, for their side effects: FastAPI's
   * {@code FastAPI(dependencies=[Depends(verify_token)])}. Each class's one public method is called
   * as for {@link Depends}; its value is dropped.
   */
  public Snel dependencies(Class<?>... dependencyClasses) {
    if (!routes.isEmpty()) {
      throw new IllegalStateException(
          "declare the app's dependencies before including routes: they apply to routes included"
              + " after them");
    }
    for (Class<?> type : dependencyClasses) {
      dependencies.add(new ParamCompiler.Declared(type));
    }
    return this;
  }

  /**
   * Makes every parameter of the instance's class receive this instance (an app-scoped singleton,
   * such as a repository, a client or a pool), also in dependencies' constructors. Provide before
   * including the routes that take it. If it is {@link AutoCloseable}, {@link #close()} closes it,
   * in reverse order of provision.
   */
  public Snel provide(Object instance) {
    injection.provide(instance.getClass(), instance);
    return this;
  }

  /**
   * Makes every parameter of this type (an interface, say) receive this instance. See {@link
   * #provide(Object)}.
   *
   * @throws ClassCastException if the instance is not a {@code type}
   */
  // not <T> provide(Class<T>, T): a lambda or method reference would then match this overload as
  // well as the factory one, and app.provide(Pool.class, Pool::new) would not compile
  public Snel provide(Class<?> type, Object instance) {
    injection.provide(type, type.cast(instance));
    return this;
  }

  /**
   * Replaces a dependency class for as long as the returned handle is open: the replacement's one
   * public method produces the value instead, its parameters resolved the same way. FastAPI's
   * {@code app.dependency_overrides[get_current_user] = override}, scoped to a test:
   *
   * <pre>{@code
   * try (var override = app.override(GetCurrentUser.class, new AlwaysAlice())) {
   *   client.get("/users/me");   // AlwaysAlice's method runs
   * }                            // GetCurrentUser again
   * }</pre>
   */
  public Override override(Class<?> dependency, Object replacement) {
    injection.override(dependency, replacement);
    return new Override(() -> injection.removeOverride(dependency, replacement));
  }

  /** An override in place until closed; see {@link #override(Class, Object)}. */
  public static final class Override implements AutoCloseable {
    private final Runnable undo;

    private Override(Runnable undo) {
      this.undo = undo;
    }

    /** Undoes the override. */
    @java.lang.Override
    public void close() {
      undo.run();
    }
  }

  /**
   * A scope outside any request, for a background task, a scheduled job or a startup hook: it
   * resolves the same dependency classes and singletons a handler can take (except those reading
   * the request) and runs their cleanups when closed.
   *
   * <pre>{@code
   * try (Scope scope = app.openScope()) {
   *   Session session = scope.get(GetSession.class, Session.class);
   *   ...
   * }
   * }</pre>
   */
  public Scope openScope() {
    return new RequestScope(injection);
  }

  /**
   * Makes every parameter of this type receive the object the factory makes: created once, when the
   * app starts (or when a request first needs it, if the app was not started), and closed when the
   * app closes, in reverse order. This is how what a lifespan would set up (a pool, a client) is
   * available to handlers and dependencies, typed.
   *
   * <pre>{@code
   * app.provide(DataSource.class, () -> pool(config));   // made at startup, closed at shutdown
   * }</pre>
   */
  public <T> Snel provide(Class<T> type, Supplier<? extends T> factory) {
    Injection.Singleton singleton = injection.provide(type, factory);
    lifecycle.add(
        () -> {
          singleton.get();
          return singleton::release; // in reverse order with the other steps, also if one fails
        });
    return this;
  }

  /**
   * Adds a lifespan: set up when the app starts, before the server accepts a connection, after
   * those added before; torn down when it stops, after the last response and background task, in
   * reverse order. A failing setup stops the start. See {@link Lifespan}.
   */
  public Snel lifespan(Lifespan lifespan) {
    lifecycle.add(lifespan);
    return this;
  }

  /** Adds a step to the app's startup, in order with the lifespans: FastAPI's startup event. */
  public Snel onStartup(Lifespan.Hook hook) {
    return lifespan(
        () -> {
          hook.run();
          return () -> {};
        });
  }

  /**
   * Adds a step to the app's shutdown: FastAPI's shutdown event. Shutdown hooks run in the order
   * added, before the lifespans' teardowns.
   */
  public Snel onShutdown(Lifespan.Hook hook) {
    lifecycle.onShutdown(hook);
    return this;
  }

  /**
   * Adds a middleware around every request (see {@link Middleware}); the one added last is the
   * outermost, as Starlette's {@code add_middleware} does.
   */
  public Snel middleware(Middleware middleware) {
    this.middleware.add(middleware);
    List<Middleware> outermostFirst = new ArrayList<>(this.middleware);
    java.util.Collections.reverse(outermostFirst);
    pipeline.middleware(outermostFirst);
    return this;
  }

  /**
   * Serves a directory's files under a path prefix, like FastAPI's {@code app.mount("/static",
   * StaticFiles(directory="static"))}:
   *
   * <pre>{@code
   * app.mount("/static", StaticFiles.of(Path.of("static")).html(true));
   * }</pre>
   *
   * <p>The mount answers every path under the prefix that no route of the app declares; mounts are
   * tried in the order they were added, after Snel's docs pages. {@code /static} itself is
   * redirected to {@code /static/}. Not listed in the OpenAPI document. See {@link StaticFiles}.
   *
   * @param path the prefix, starting with {@code /}; {@code /} mounts the files at the root
   */
  public Snel mount(String path, StaticFiles files) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a mount's path starts with '/': " + path);
    }
    String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    mounts.add(new StaticMount(prefix, files.directory(), files.html(), files.followSymlinks()));
    return this;
  }

  /**
   * How long {@link #close()} waits for background tasks still running before it abandons them (and
   * logs them); 30 seconds by default.
   */
  public Snel shutdownTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("a shutdown timeout cannot be negative");
    }
    this.shutdownTimeout = timeout;
    return this;
  }

  /**
   * Starts the app: runs the lifespans' setups and startup hooks, in order, and makes the provided
   * objects that have a factory. A server calls it before it accepts connections; {@link
   * dev.snel.testing.TestClient#withLifespan(Snel)} calls it too. Starting again does nothing.
   *
   * @throws IllegalStateException if a step fails; the steps already done are undone
   */
  public Snel start() {
    lifecycle.start();
    return this;
  }

  /**
   * Waits until no background task of any request is running or queued, up to the timeout: for
   * tests, and for the app's shutdown.
   *
   * @return whether that happened within the timeout
   */
  public boolean awaitBackgroundTasks(Duration timeout) {
    return background.await(timeout);
  }

  /**
   * Stops the app: waits for the background tasks (up to {@link #shutdownTimeout(Duration)}), runs
   * the shutdown hooks and the lifespans' teardowns, then closes the provided singletons and the
   * app's instances of dependency classes that are {@link AutoCloseable}, in reverse order. A
   * server calls it after its last response; closing again does nothing.
   */
  @java.lang.Override
  public void close() {
    background.drain(shutdownTimeout);
    lifecycle.stop();
    injection.close();
  }

  private void addRoutes(
      Object handlers,
      String prefix,
      List<String> tags,
      List<ParamCompiler.Declared> routeDependencies) {
    add(RouteCompiler.compile(handlers, prefix, tags, routeDependencies, injection));
    webSockets.add(handlers, prefix, routeDependencies);
  }

  private void add(List<CompiledRoute> compiled) {
    for (CompiledRoute route : compiled) {
      RouteModel model = route.model();
      CompiledRoute taken = tree.add(model.httpMethod(), PathTemplate.parse(model.path()), route);
      if (taken != null) {
        throw duplicate(taken.model(), model);
      }
      routes.add(model);
    }
  }

  private static RouteDefinitionException duplicate(RouteModel first, RouteModel second) {
    String shape =
        first.path().equals(second.path()) ? "" : " (the same shape as " + first.path() + ")";
    return new RouteDefinitionException(
        "two routes for "
            + second.httpMethod()
            + " "
            + second.path()
            + shape
            + ": "
            + name(first.handler())
            + " and "
            + name(second.handler()));
  }

  private static String name(Method method) {
    return method.getDeclaringClass().getName() + "#" + method.getName();
  }

  /**
   * Whether a JSON body must come with a JSON content type ({@code application/json} or {@code
   * application/*+json}); on by default, like FastAPI's {@code strict_content_type} since 0.132. A
   * body without one is then validated as text, so a model parameter fails with 422. This protects
   * local, unauthenticated apps from cross-site requests that browsers send without a preflight.
   * Turn it off for clients that send JSON without a content type.
   */
  public Snel strictContentType(boolean strict) {
    pipeline.strictContentType(strict);
    return this;
  }

  /**
   * Registers the handler for an exception type and its subclasses, replacing any earlier one,
   * built-ins included ({@link HttpException}, {@link RequestValidationException}, and {@code
   * Throwable} for the 500 answer). The handler of the nearest registered superclass wins.
   */
  public <E extends Throwable> Snel exceptionHandler(
      Class<E> type, ExceptionHandler<? super E> handler) {
    exceptions.register(type, handler);
    return this;
  }

  /**
   * Handles a request and passes the response to {@code onResponse}, exactly once, from whichever
   * thread finished it. This is the contract a server adapter uses; call it on the server's I/O
   * thread.
   */
  public void handle(Request request, Consumer<Response> onResponse) {
    pipeline.handle(request, onResponse);
  }

  /**
   * Same as {@link #handle(Request, Consumer)}, with the server's own virtual threads: a handler
   * runs on a new thread of {@code handlerThreads} (a server's threads on the connection's event
   * loop), unless its route is {@link NonBlocking} (the calling thread) or {@link Offload} (the
   * app's virtual threads on the JDK's default scheduler).
   */
  public void handle(Request request, Executor handlerThreads, Consumer<Response> onResponse) {
    pipeline.handle(request, handlerThreads, onResponse);
  }

  /**
   * Whether a {@link WebSocket} route has this path: a server adapter asks it for a request with
   * {@code Upgrade: websocket}, which is otherwise an ordinary HTTP request.
   */
  public boolean isWebSocket(String path) {
    return webSockets.matches(path);
  }

  /**
   * Serves a WebSocket handshake request through an adapter's transport (the contract a server and
   * the TestClient use): the route's dependencies and handler run on a new virtual thread and
   * accept or refuse the handshake. Call it on the server's I/O thread.
   */
  public void handleWebSocket(Request request, WebSocketTransport transport) {
    webSockets.handle(request, transport);
  }

  /**
   * Same as {@link #handleWebSocket(Request, WebSocketTransport)}, the session on a new thread of
   * {@code sessionThreads} (a server's threads on the connection's event loop) unless its route is
   * {@link Offload}.
   */
  public void handleWebSocket(
      Request request, WebSocketTransport transport, Executor sessionThreads) {
    webSockets.handle(request, transport, sessionThreads);
  }

  /** Handles a request; the future completes with the response. */
  public CompletableFuture<Response> handle(Request request) {
    CompletableFuture<Response> response = new CompletableFuture<>();
    pipeline.handle(request, response::complete);
    return response;
  }

  /** Descriptions of the routes, in the order they were included. */
  List<RouteModel> routes() {
    return List.copyOf(routes);
  }

  /**
   * The OpenAPI document and docs pages' settings: title, version, where {@code /openapi.json},
   * {@code /docs} and {@code /redoc} are served, customization. See {@link OpenApi}.
   */
  public OpenApi openApi() {
    return openApi;
  }

  /**
   * The OpenAPI document as JSON text, as {@code /openapi.json} serves it: generated from the
   * routes on first use, then the same text every time. Use it to export the document (for client
   * generation or to diff in CI) without starting a server.
   */
  public String openApiJson() {
    return new String(docs().document(), StandardCharsets.UTF_8);
  }

  private DocsRoutes docs() {
    DocsRoutes current = docs;
    if (current == null) {
      synchronized (this) {
        current = docs;
        if (current == null) {
          current =
              new DocsRoutes(
                  openApi.title(),
                  openApi.openapiPath().orElse(null),
                  openApi.docsPath().orElse(null),
                  openApi.redocPath().orElse(null),
                  openApi.swaggerUiParameters(),
                  openApi.swaggerUiInitOAuth(),
                  this::generateDocument);
          docs = current;
        }
      }
    }
    return current;
  }

  private byte[] generateDocument() {
    DocumentInfo info = openApi.documentInfo();
    ObjectNode document = OpenApiDocument.build(routes(), info, types);
    openApi.customizers().forEach(customizer -> customizer.accept(document));
    if (openApi.isOpenApi30()) {
      OpenApi30.downgrade(document);
    }
    return Json.encode(document);
  }
}
