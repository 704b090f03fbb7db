package dev.snel.examples.queryparams;

import dev.snel.Cookie;
import dev.snel.Default;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.Json;
import dev.snel.Query;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.netty.SnelServer;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters tutorial (docs/tutorial/query-params.md): defaults, optional and required
 * parameters, booleans, lists, constraints, aliases, headers, cookies, and the injected request and
 * response.
 */
public final class Main {

  /** The routes, in the order the tutorial shows them. */
  public static final class Routes {
    /** An item of the shop. */
    public record Item(String name) {}

    private static final List<Item> ITEMS =
        List.of(new Item("Anvil"), new Item("Bucket"), new Item("Crowbar"));

    /** {@code GET /items/?skip=1&limit=1} answers {@code [{"name": "Bucket"}]}. */
    @Get("/items/")
    public List<Item> readItems(@Default("0") int skip, @Default("10") int limit) {
      return ITEMS.stream().skip(skip).limit(limit).toList();
    }

    /** A required query parameter ({@code needy}), one with a default and an optional one. */
    @Get("/needy/{item_id}")
    public Map<String, Object> needy(
        String item_id, String needy, @Default("0") int skip, Optional<Integer> limit) {
      return Json.object(
          "item_id", item_id,
          "needy", needy,
          "skip", skip,
          "limit", limit.orElse(null));
    }

    /** {@code ?short=yes} leaves the description out. */
    @Get("/items/{item_id}")
    public Map<String, Object> readItem(
        String item_id, Optional<String> q, @Query("short") @Default("false") boolean shortForm) {
      Map<String, Object> item = Json.object("item_id", item_id);
      q.ifPresent(value -> item.put("q", value));
      if (!shortForm) {
        item.put("description", "A long description of the item");
      }
      return item;
    }

    /** Every {@code tag}, {@code sort} and {@code id} of the query, in order. */
    @Get("/tags")
    public Map<String, Object> tags(
        List<String> tag, @Default({"new", "old"}) List<String> sort, Optional<Set<Integer>> id) {
      return Json.object("tag", tag, "sort", sort, "id", id.orElse(Set.of()));
    }

    /** Every parameter constrained; the answer shows what was accepted. */
    @Get("/products")
    public Map<String, Object> products(
        @Default("0") @Min(0) int skip,
        @Default("10") @Min(1) @Max(100) int limit,
        @Size(min = 3, max = 20) @Pattern(regexp = "[a-z ]+") Optional<String> q,
        @Positive @DecimalMax("1000.00") Optional<BigDecimal> max_price,
        @Size(max = 3) Optional<List<@Positive Integer>> id) {
      return Json.object(
          "skip", skip,
          "limit", limit,
          "q", q.orElse(null),
          "max_price", max_price.orElse(null),
          "id", id.orElse(List.of()));
    }

    /** {@code GET /search?item-query=hello} answers {@code {"q": "hello"}}. */
    @Get("/search")
    public Map<String, Object> search(@Query("item-query") Optional<String> q) {
      return Map.of("q", q.orElse(""));
    }

    /**
     * Echoes the {@code User-Agent}, {@code X-Token} and {@code strange_header} headers and a
     * cookie.
     */
    @Get("/client")
    public Map<String, Object> client(
        @Header Optional<String> userAgent,
        @Header Optional<List<String>> x_token,
        @Header(convertUnderscores = false) Optional<String> strange_header,
        @Cookie Optional<String> session_id) {
      return Json.object(
          "user_agent", userAgent.orElse(null),
          "x_token", x_token.orElse(List.of()),
          "strange_header", strange_header.orElse(null),
          "session_id", session_id.orElse(null));
    }

    /** What {@code GET /need-header} answers. */
    public record ApiCall(String key, int retry) {}

    /** Needs the {@code X-Api-Key} and {@code X-Retry} headers, the second at least 1. */
    @Get("/need-header")
    public ApiCall needHeader(@Header String x_api_key, @Header @Min(1) int x_retry) {
      return new ApiCall(x_api_key, x_retry);
    }

    /** Describes the request, and adds a header and a cookie to the answer. */
    @Get("/whoami")
    public Map<String, Object> whoami(Request request, Response response) {
      response.header("x-served-by", "snel").cookie("visited", "yes");
      return Json.object(
          "method", request.method(),
          "path", request.path(),
          "query", request.queryParams(),
          "host", request.header("host").orElse(""));
    }
  }

  /** The app, for the server and for tests. */
  public static Snel app() {
    return Snel.create().include(new Routes());
  }

  /** Serves the app on $PORT (default 8000). */
  public static void main(String[] args) {
    SnelServer.run(app());
  }
}
