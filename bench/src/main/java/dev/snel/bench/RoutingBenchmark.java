package dev.snel.bench;

import dev.snel.internal.routing.PathTemplate;
import dev.snel.internal.routing.RouteTree;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Route lookup: Snel's route tree (the one {@code Snel.handle} uses, here called directly through
 * its internal API) in an app of 34 routes with path parameters, against a plain {@link HashMap}
 * lookup of the exact method and path, the least any router can do.
 *
 * <p>Each operation starts from a fresh path string, as a server does for each request (the request
 * target is parsed anew, so the hash code is not cached); {@link #freshPathOnly} is that cost
 * alone. The hash map is given every measured path as a key, so it always hits: for the paths with
 * parameters it is an ideal no real router reaches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingBenchmark {
  /**
   * The routes of a mid-sized API: static, one and two parameters, a catch-all, several methods.
   */
  static final List<String[]> ROUTES =
      List.of(
          new String[] {"GET", "/"},
          new String[] {"GET", "/health"},
          new String[] {"GET", "/metrics"},
          new String[] {"GET", "/plaintext"},
          new String[] {"GET", "/json"},
          new String[] {"GET", "/items"},
          new String[] {"POST", "/items"},
          new String[] {"GET", "/items/{item_id}"},
          new String[] {"PUT", "/items/{item_id}"},
          new String[] {"DELETE", "/items/{item_id}"},
          new String[] {"GET", "/items/{item_id}/tags"},
          new String[] {"POST", "/items/{item_id}/tags"},
          new String[] {"DELETE", "/items/{item_id}/tags/{tag}"},
          new String[] {"GET", "/users"},
          new String[] {"POST", "/users"},
          new String[] {"GET", "/users/me"},
          new String[] {"GET", "/users/{user_id}"},
          new String[] {"PATCH", "/users/{user_id}"},
          new String[] {"DELETE", "/users/{user_id}"},
          new String[] {"GET", "/users/{user_id}/orders"},
          new String[] {"POST", "/users/{user_id}/orders"},
          new String[] {"GET", "/users/{user_id}/orders/{order_id}"},
          new String[] {"DELETE", "/users/{user_id}/orders/{order_id}"},
          new String[] {"GET", "/orders"},
          new String[] {"GET", "/orders/{order_id}"},
          new String[] {"GET", "/orders/{order_id}/invoice"},
          new String[] {"POST", "/token"},
          new String[] {"GET", "/files/{file_path:path}"},
          new String[] {"GET", "/api/v1/status"},
          new String[] {"GET", "/api/v1/projects"},
          new String[] {"GET", "/api/v1/projects/{project}"},
          new String[] {"GET", "/api/v1/projects/{project}/builds/{build}"},
          new String[] {"GET", "/docs"},
          new String[] {"GET", "/openapi.json"});

  /** The measured paths: static, one parameter, two parameters four levels deep. */
  @Param({"/health", "/items/5", "/users/42/orders/7"})
  public String path;

  private char[] pathChars;
  private final RouteTree<String> tree = new RouteTree<>();
  private final Map<String, Map<String, String>> byMethodAndPath = new HashMap<>();

  /** Builds the tree and the map. */
  @Setup
  public void setUp() {
    pathChars = path.toCharArray();
    for (String[] route : ROUTES) {
      tree.add(route[0], PathTemplate.parse(route[1]), route[1]);
      byMethodAndPath.computeIfAbsent(route[0], m -> new HashMap<>()).put(route[1], route[1]);
    }
    getRoutes().put(path, path);
    if (!(tree.find("GET", path) instanceof RouteTree.Found<String>)) {
      throw new IllegalStateException("no route for " + path);
    }
  }

  // ROUTES has GET routes, so setUp made the map
  private Map<String, String> getRoutes() {
    return Objects.requireNonNull(byMethodAndPath.get("GET"), "no GET routes");
  }

  private String freshPath() {
    return new String(pathChars);
  }

  /** The cost of making the path string, included in the two lookups. */
  @Benchmark
  public String freshPathOnly() {
    return freshPath();
  }

  /** Reference: one hash lookup per level (method, then the exact path). */
  @Benchmark
  public @Nullable String hashMap() {
    return getRoutes().get(freshPath());
  }

  /** Snel's router: split into segments, walk the trie, collect the path values. */
  @Benchmark
  public RouteTree.Match<String> snelRouteTree() {
    return tree.find("GET", freshPath());
  }
}
