package dev.snel.examples.handlingerrors;

import dev.snel.DefaultExceptionHandlers;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.RequestValidationException;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.netty.SnelServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handling errors tutorial (docs/tutorial/handling-errors.md): {@link HttpException} with a
 * detail and headers, and exception handlers that are more specific than, replace or reuse the
 * built-in ones. One set of routes, served by four apps that differ only in their handlers.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  /** The routes, in the order the tutorial shows them. */
  public static final class Routes {
    private static final Map<String, String> ITEMS = Map.of("foo", "A very fine foo");

    /** {@code GET /items/foo} answers the item; any other name is a 404. */
    @Get("/items/{item_id}")
    public Map<String, String> readItem(String item_id) {
      String item = ITEMS.get(item_id);
      if (item == null) {
        throw new HttpException(404, "Item not found");
      }
      return Map.of("item", item);
    }

    /** A detail that is not text. */
    public record Duplicate(String code, String name) {}

    /** Always a 409 with a structured detail. */
    @Get("/conflict")
    public Map<String, String> conflict() {
      throw new HttpException(409, new Duplicate("duplicate_name", "foo"));
    }

    /** Always a 418 whose detail is the reason phrase. */
    @Get("/teapot")
    public Map<String, String> teapot() {
      throw new HttpException(418);
    }

    /** Like {@code /items/{item_id}}, with a header on the 404. */
    @Get("/items-header/{item_id}")
    public Map<String, String> readItemHeader(String item_id) {
      String item = ITEMS.get(item_id);
      if (item == null) {
        throw new HttpException(404, "Item not found", Map.of("X-Error", "no such item"));
      }
      return Map.of("item", item);
    }

    /** Completes exceptionally instead of throwing. */
    @Get("/later")
    public CompletionStage<Map<String, Object>> later() {
      return CompletableFuture.failedFuture(new HttpException(503, "Try again later"));
    }

    /** {@code GET /parse/12} answers {@code {"number": 12}}; text that is no int throws. */
    @Get("/parse/{text}")
    public Map<String, Object> parse(String text) {
      return Map.of("number", Integer.parseInt(text));
    }

    /** Always fails with an exception no handler expects. */
    @Get("/state")
    public Map<String, Object> state() {
      throw new IllegalStateException("the database is on fire");
    }

    /** {@code GET /numbers/x} fails validation: {@code n} is an int. */
    @Get("/numbers/{n}")
    public Map<String, Object> number(int n) {
      return Map.of("n", n);
    }
  }

  /** The routes with Snel's built-in exception handlers only. */
  public static Snel app() {
    return Snel.create().include(new Routes());
  }

  /** A 400 for bad arguments, and 500s answered in JSON: the most specific handler wins. */
  public static Snel specificApp() {
    return Snel.create()
        .include(new Routes())
        .exceptionHandler(
            IllegalArgumentException.class,
            (request, e) ->
                Response.json(Map.of("detail", "Bad argument: " + e.getMessage())).status(400))
        .exceptionHandler(
            RuntimeException.class,
            (request, e) -> {
              LOG.error("{} {} failed", request.method(), request.path(), e);
              return Response.json(Map.of("detail", "Internal Server Error")).status(500);
            });
  }

  /** Errors as plain text, and invalid requests as 400: the built-in handlers replaced. */
  public static Snel plainTextApp() {
    return Snel.create()
        .include(new Routes())
        .exceptionHandler(
            HttpException.class,
            (request, e) -> {
              Response response = Response.text(String.valueOf(e.detail())).status(e.status());
              e.headers().forEach(response::header);
              return response;
            })
        .exceptionHandler(
            RequestValidationException.class,
            (request, e) ->
                Response.text(
                        e.errors().stream()
                            .map(error -> error.loc() + ": " + error.msg())
                            .collect(Collectors.joining("\n")))
                    .status(400));
  }

  /** Every HTTP error and invalid request logged, then answered as usual. */
  public static Snel loggingApp() {
    return Snel.create()
        .include(new Routes())
        .exceptionHandler(
            HttpException.class,
            (request, e) -> {
              LOG.info("HTTP error {} on {}", e.status(), request.path());
              return DefaultExceptionHandlers.httpException(request, e);
            })
        .exceptionHandler(
            RequestValidationException.class,
            (request, e) -> {
              LOG.info("invalid request to {}: {}", request.path(), e.errors());
              return DefaultExceptionHandlers.requestValidation(request, e);
            });
  }

  /**
   * Serves an app on $PORT (default 8000): {@link #app()}, or the one named by $HANDLERS ({@code
   * specific}, {@code plain-text} or {@code logging}).
   */
  public static void main(String[] args) {
    String handlers = System.getenv().getOrDefault("HANDLERS", "built-in");
    SnelServer.run(
        switch (handlers) {
          case "built-in" -> app();
          case "specific" -> specificApp();
          case "plain-text" -> plainTextApp();
          case "logging" -> loggingApp();
          default ->
              throw new IllegalArgumentException(
                  "HANDLERS=" + handlers + ": use built-in, specific, plain-text or logging");
        });
  }
}
