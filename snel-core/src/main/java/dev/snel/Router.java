package dev.snel;

import dev.snel.internal.params.ParamCompiler;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of routes under a path prefix and tags, like FastAPI's {@code APIRouter}; routers nest.
 * Include it into the app (or another router) with {@code include}.
 *
 * <pre>{@code
 * Router users = Router.withPrefix("/users").tags("users").include(new UserRoutes());
 * app.include(users);   // UserRoutes' @Get("/{id}") answers GET /users/{id}
 * }</pre>
 *
 * <p>A router is a description: the app reads it when it is included, so routes added to the router
 * afterwards are not served. Not thread-safe; build it on one thread.
 */
public final class Router {
  private final String prefix;
  private final List<String> tags = new ArrayList<>();
  private final List<Object> members = new ArrayList<>();
  private final List<ParamCompiler.Declared> dependencies = new ArrayList<>();

  private Router(String prefix) {
    if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/"))) {
      throw new IllegalArgumentException(
          "a router prefix starts with '/' and does not end with '/': '" + prefix + "'");
    }
    this.prefix = prefix;
  }

  /** A router without a prefix. */
  public static Router create() {
    return new Router("");
  }

  /** A router whose routes' paths start with the prefix, e.g. {@code /users}. */
  public static Router withPrefix(String prefix) {
    return new Router(prefix);
  }

  /** Adds tags to every route of this router. */
  public Router tags(String... tags) {
    this.tags.addAll(List.of(tags));
    return this;
  }

  /**
   * Dependencies this router's routes run first, for their side effects: FastAPI's {@code
   * APIRouter(dependencies=[Depends(verify_token)])}. They run after the app's and outer routers',
   * before the route's own.
   */
  public Router dependencies(Class<?>... dependencyClasses) {
    for (Class<?> type : dependencyClasses) {
      dependencies.add(new ParamCompiler.Declared(type));
    }
    return this;
  }

  /** Adds the routes of an object's annotated methods. */
  public Router include(Object handlers) {
    members.add(handlers);
    return this;
  }

  /** Adds a nested router; its prefix is appended to this one's. */
  public Router include(Router router) {
    members.add(router);
    return this;
  }

  String prefix() {
    return prefix;
  }

  List<String> tags() {
    return List.copyOf(tags);
  }

  List<ParamCompiler.Declared> dependencies() {
    return List.copyOf(dependencies);
  }

  List<Object> members() {
    return List.copyOf(members);
  }
}
