package dev.snel.internal.routing;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Maps a method and a decoded path to a route, compiled once from path templates.
 *
 * <p>A trie of segments. At each level a literal beats a parameter, and a parameter beats a
 * catch-all, with backtracking, so {@code /users/me} wins over {@code /users/{id}} whatever the
 * order they were added in. A path that matches routes of other methods only gives {@link
 * MethodNotAllowed}, as Starlette's partial match does. A GET route also answers HEAD.
 *
 * <p>Built on one thread before serving; {@link #find} is then safe from any thread.
 *
 * @param <T> the route payload
 */
public final class RouteTree<T> {

  /** The outcome of {@link #find}. */
  public sealed interface Match<T> {}

  /**
   * A route for the method and path.
   *
   * @param route the route
   * @param values the path parameter values, in template order
   */
  // Error Prone's ArrayRecordComponent: a Found is matched by type and read, never compared or
  // hashed, and the matcher hands its array over without a copy per request
  @SuppressWarnings("ArrayRecordComponent")
  public record Found<T>(T route, String[] values) implements Match<T> {}

  /**
   * The path has routes, but none for the method.
   *
   * @param allowed the methods the path has routes for
   */
  public record MethodNotAllowed<T>(Set<String> allowed) implements Match<T> {}

  /** No route has this path. */
  public record NotFound<T>() implements Match<T> {}

  private final Node<T> root = new Node<>();
  private int maxParams;

  /**
   * The nodes of templates without parameters, by the path they match: a lookup instead of a walk
   * for most requests to such routes. The walk tries literals first, so the route found here for
   * the method is the one it would find; without one for the method, the walk decides.
   */
  private final Map<String, Node<T>> literalPaths = new HashMap<>();

  private static final String[] NO_VALUES = new String[0];

  /**
   * Adds a route, unless a route already has the method and a template of the same shape ({@code
   * /e/{x}} and {@code /e/{y}} are one shape): then returns that route and adds nothing.
   *
   * @return the route in the way, or null when the route was added
   */
  public @Nullable T add(String method, PathTemplate template, T route) {
    Node<T> node = root;
    for (PathTemplate.Segment segment : template.segments()) {
      node =
          switch (segment) {
            case PathTemplate.Literal l ->
                node.literals.computeIfAbsent(l.text(), k -> new Node<>());
            case PathTemplate.Param p -> {
              if (node.param == null) {
                node.param = new Node<>();
              }
              yield node.param;
            }
            case PathTemplate.CatchAll c -> {
              if (node.catchAll == null) {
                node.catchAll = new Node<>();
              }
              yield node.catchAll;
            }
          };
    }
    T taken = node.routes.putIfAbsent(method, route);
    if (taken != null) {
      return taken;
    }
    if (template.parameterNames().isEmpty()) {
      literalPaths.put(template.template(), node);
    }
    maxParams = Math.max(maxParams, template.parameterNames().size());
    return null;
  }

  /** Finds the route for a method and a decoded path. */
  public Match<T> find(String method, String path) {
    Node<T> literal = literalPaths.get(path);
    T direct = literal == null ? null : literal.routeFor(method);
    if (direct != null) {
      return new Found<>(direct, NO_VALUES);
    }
    String[] segments = split(path);
    Search<T> search = new Search<>(method, segments, new String[maxParams]);
    search.walk(root, 0, 0);
    if (search.found != null) {
      return new Found<>(search.found, search.values);
    }
    if (search.partial != null) {
      Set<String> allowed =
          new TreeSet<>(
              Comparator.<String>comparingInt(RouteTree::methodRank)
                  .thenComparing(Comparator.naturalOrder()));
      allowed.addAll(search.partial.routes.keySet());
      return new MethodNotAllowed<>(Collections.unmodifiableSet(allowed));
    }
    return new NotFound<>();
  }

  /** Methods in the order RFC 9110 lists them, for a stable {@code Allow} header. */
  private static int methodRank(String method) {
    int rank = STANDARD_ORDER.indexOf(method);
    return rank < 0 ? STANDARD_ORDER.size() : rank;
  }

  private static final List<String> STANDARD_ORDER =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

  /** Splits {@code /a/b/} into {@code ["a", "b", ""]}; {@code /} into no segments. */
  static String[] split(String path) {
    if (path.length() <= 1) {
      return new String[0];
    }
    int count = 1;
    for (int i = 1; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        count++;
      }
    }
    String[] segments = new String[count];
    int start = 1;
    for (int i = 0; i < count; i++) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      segments[i] = path.substring(start, end);
      start = end + 1;
    }
    return segments;
  }

  private static final class Node<T> {
    final Map<String, Node<T>> literals = new HashMap<>(4);
    final Map<String, T> routes = new LinkedHashMap<>(2);
    @Nullable Node<T> param;
    @Nullable Node<T> catchAll;

    @Nullable T routeFor(String method) {
      T route = routes.get(method);
      if (route == null && method.equals("HEAD")) {
        route = routes.get("GET");
      }
      return route;
    }
  }

  private static final class Search<T> {
    final String method;
    final String[] segments;
    final String[] values;
    @Nullable T found;
    @Nullable Node<T> partial;

    Search(String method, String[] segments, String[] values) {
      this.method = method;
      this.segments = segments;
      this.values = values;
    }

    /** Depth-first; stops at the first node with a route for the method. */
    boolean walk(Node<T> node, int depth, int paramCount) {
      if (depth == segments.length) {
        return arrive(node);
      }
      String segment = segments[depth];
      Node<T> literal = node.literals.get(segment);
      if (literal != null && walk(literal, depth + 1, paramCount)) {
        return true;
      }
      if (node.param != null && !segment.isEmpty()) {
        values[paramCount] = segment;
        if (walk(node.param, depth + 1, paramCount + 1)) {
          return true;
        }
      }
      if (node.catchAll != null) {
        values[paramCount] = String.join("/", Arrays.copyOfRange(segments, depth, segments.length));
        return arrive(node.catchAll);
      }
      return false;
    }

    private boolean arrive(Node<T> node) {
      if (node.routes.isEmpty()) {
        return false;
      }
      T route = node.routeFor(method);
      if (route != null) {
        found = route;
        return true;
      }
      if (partial == null) {
        partial = node;
      }
      return false;
    }
  }
}
