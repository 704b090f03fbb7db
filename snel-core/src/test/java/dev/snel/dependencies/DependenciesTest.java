package dev.snel.dependencies;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Default;
import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.HttpException;
import dev.snel.Post;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Dependencies resolved like handlers' parameters: nesting, caching, errors, their order. */
class DependenciesTest {

  /** FastAPI's common_parameters: a static method dependency reading the query. */
  public static final class CommonParameters {
    public static Map<String, Object> get(
        Optional<String> q, @Default("0") int skip, @Default("100") int limit) {
      Map<String, Object> commons = new LinkedHashMap<>();
      commons.put("q", q.orElse(null));
      commons.put("skip", skip);
      commons.put("limit", limit);
      return commons;
    }
  }

  /** FastAPI's CommonQueryParams: a class dependency, built from the query for each request. */
  public record CommonQueryParams(Optional<String> q, @Default("0") int skip) {}

  public static class Items {
    @Get("/items/")
    public Map<String, Object> readItems(
        @Depends(CommonParameters.class) Map<String, Object> commons) {
      return commons;
    }

    @Get("/things/")
    public Map<String, Object> readThings(@Depends CommonQueryParams commons) {
      return Map.of("q", commons.q().orElse("none"), "skip", commons.skip());
    }
  }

  @Test
  void a_method_dependency_reads_the_query_like_a_handler() {
    TestClient client = TestClient.of(Snel.create().include(new Items()));
    assertThat(client.get("/items/?q=foo&skip=5").json())
        .isEqualTo(json("{\"q\":\"foo\",\"skip\":5,\"limit\":100}"));
    TestResponse invalid = client.get("/items/?skip=x");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().get("detail").get(0).get("loc"))
        .isEqualTo(json("[\"query\",\"skip\"]"));
  }

  @Test
  void a_class_dependency_is_built_from_its_constructor() {
    TestClient client = TestClient.of(Snel.create().include(new Items()));
    assertThat(client.get("/things/?q=x&skip=2").json())
        .isEqualTo(json("{\"q\":\"x\",\"skip\":2}"));
  }

  /** Counts runs, to see caching. */
  public static final class Counter {
    static final AtomicInteger RUNS = new AtomicInteger();

    public static int count() {
      return RUNS.incrementAndGet();
    }
  }

  public static final class Level1 {
    public static String get(@Header("x-user") String user) {
      return "user=" + user;
    }
  }

  public static final class Level2 {
    public static String get(@Depends(Level1.class) String user, @Depends(Counter.class) int n) {
      return user + ",n=" + n;
    }
  }

  public static final class Level3 {
    public static String get(
        @Depends(Level2.class) String inner, @Depends(Counter.class) int n, Optional<String> q) {
      return inner + ",again=" + n + ",q=" + q.orElse("-");
    }
  }

  public static final class Uncached {
    public static String get(
        @Depends(value = Counter.class, cached = false) int a,
        @Depends(value = Counter.class, cached = false) int b) {
      return a + "," + b;
    }
  }

  public static class Chain {
    @Get("/chain")
    public String chain(@Depends(Level3.class) String value, @Depends(Counter.class) int n) {
      return value + ",handler=" + n;
    }

    @Get("/uncached")
    public String uncached(@Depends(Uncached.class) String value) {
      return value;
    }
  }

  @Test
  void a_dependency_used_three_times_runs_once_per_request() {
    TestClient client = TestClient.of(Snel.create().include(new Chain()));
    Counter.RUNS.set(0);
    assertThat(client.request("GET", "/chain?q=z").header("x-user", "ann").send().json().asText())
        .isEqualTo("user=ann,n=1,again=1,q=z,handler=1");
    assertThat(client.request("GET", "/chain").header("x-user", "bob").send().json().asText())
        .isEqualTo("user=bob,n=2,again=2,q=-,handler=2");
  }

  @Test
  void cached_false_runs_the_dependency_at_each_use() {
    TestClient client = TestClient.of(Snel.create().include(new Chain()));
    Counter.RUNS.set(0);
    assertThat(client.get("/uncached").json().asText()).isEqualTo("1,2");
  }

  @Test
  void a_missing_value_deep_in_the_chain_is_a_422_naming_it() {
    TestClient client = TestClient.of(Snel.create().include(new Chain()));
    TestResponse response = client.get("/chain");
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"header\",\"x-user\"],"
                    + "\"msg\":\"Field required\",\"input\":null}]}"));
  }

  /** FastAPI's order: dependencies' errors first, in declaration order, the endpoint's own last. */
  public static final class DepA {
    public static int get(int a) {
      return a;
    }
  }

  public static final class DepB {
    public static int get(int b, @Header("x-token") String token) {
      return b;
    }
  }

  public static final class Ran {
    static final List<String> LOG = new ArrayList<>();

    public static String get() {
      LOG.add("ran");
      return "ok";
    }
  }

  public static class Ordered {
    @Get("/ordered")
    public String ordered(
        int q,
        @Depends(DepA.class) int a,
        @Depends(DepB.class) int b,
        @Depends(Ran.class) String ran) {
      return "never";
    }
  }

  @Test
  void errors_come_in_fastapis_order_and_valid_dependencies_still_run() {
    TestClient client = TestClient.of(Snel.create().include(new Ordered()));
    Ran.LOG.clear();
    TestResponse response = client.get("/ordered");
    assertThat(response.status()).isEqualTo(422);
    List<String> locs = new ArrayList<>();
    response.json().get("detail").forEach(e -> locs.add(e.get("loc").toString()));
    assertThat(locs)
        .containsExactly(
            "[\"query\",\"a\"]",
            "[\"query\",\"b\"]",
            "[\"header\",\"x-token\"]",
            "[\"query\",\"q\"]");
    assertThat(Ran.LOG).containsExactly("ran");
  }

  /** A dependency that refuses: its exception goes through the exception handlers. */
  public static final class VerifyToken {
    public static void verify(@Header("x-token") String token) {
      if (!token.equals("fake-super-secret-token")) {
        throw new HttpException(400, "X-Token header invalid");
      }
    }
  }

  public static final class Teapot extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  public static final class Brews {
    public static String get() {
      throw new Teapot();
    }
  }

  public static class Guarded {
    @Get("/guarded")
    @Depends(VerifyToken.class)
    public String guarded(Optional<String> q) {
      return "in";
    }

    @Get("/tea")
    public String tea(@Depends(Brews.class) String tea) {
      return tea;
    }
  }

  @Test
  void a_route_dependency_runs_for_its_side_effect_and_can_refuse() {
    TestClient client = TestClient.of(Snel.create().include(new Guarded()));
    TestResponse refused = client.request("GET", "/guarded").header("x-token", "no").send();
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json()).isEqualTo(json("{\"detail\":\"X-Token header invalid\"}"));
    TestResponse admitted =
        client.request("GET", "/guarded").header("x-token", "fake-super-secret-token").send();
    assertThat(admitted.status()).isEqualTo(200);
    assertThat(admitted.json().asText()).isEqualTo("in");
  }

  @Test
  void a_dependencys_exception_reaches_the_apps_exception_handlers() {
    Snel app =
        Snel.create()
            .exceptionHandler(
                Teapot.class, (request, e) -> Response.json(Map.of("detail", "tea")).status(418))
            .include(new Guarded());
    TestResponse response = TestClient.of(app).get("/tea");
    assertThat(response.status()).isEqualTo(418);
    assertThat(response.json()).isEqualTo(json("{\"detail\":\"tea\"}"));
  }

  /** A dependency's body parameter shares the body with the handler's: both embedded. */
  public record Item(String name) {}

  public record User(String username) {}

  public static final class BodyUser {
    public static String get(User user) {
      return user.username();
    }
  }

  public static class Bodies {
    @Post("/items")
    public Map<String, Object> create(Item item, @Depends(BodyUser.class) String username) {
      return Map.of("item", item.name(), "by", username);
    }
  }

  @Test
  void body_parameters_of_dependencies_embed_with_the_handlers() {
    TestClient client = TestClient.of(Snel.create().include(new Bodies()));
    TestResponse response =
        client.post(
            "/items", Map.of("item", Map.of("name", "pen"), "user", Map.of("username", "ann")));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(json("{\"item\":\"pen\",\"by\":\"ann\"}"));
  }
}
