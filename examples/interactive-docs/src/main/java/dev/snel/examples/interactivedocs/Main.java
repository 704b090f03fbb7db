package dev.snel.examples.interactivedocs;

import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Operation;
import dev.snel.Post;
import dev.snel.Router;
import dev.snel.Snel;
import dev.snel.Status;
import dev.snel.netty.SnelServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The interactive docs (/docs, /redoc, /openapi.json) of an app with its metadata filled in: title,
 * summary, description, version, contact, license, described tags, Swagger UI parameters; and a
 * second app that moves the pages, turns ReDoc off, lists servers and changes the document.
 */
public final class Main {

  /** An item of the shop. */
  public record Item(String name, Optional<String> description, double price) {}

  /** An item as stored, with its id. */
  public record StoredItem(long id, String name, Optional<String> description, double price) {}

  /** The item routes, tagged "items" by the router that includes them. */
  public static final class Items {
    private final Map<Long, StoredItem> items = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** Every item, in the order added. */
    @Get("/items/")
    @Operation(summary = "List the items", description = "All items, in the order they were added.")
    public List<StoredItem> listItems() {
      return new ArrayList<>(items.values());
    }

    /** One item, or 404. */
    @Get("/items/{item_id}")
    public StoredItem readItem(long item_id) {
      StoredItem item = items.get(item_id);
      if (item == null) {
        throw new HttpException(404, "Item not found");
      }
      return item;
    }

    /** Adds an item. */
    @Post("/items/")
    @Status(201)
    @Operation(responseDescription = "The item, with its new id")
    public StoredItem createItem(Item item) {
      long id = ids.incrementAndGet();
      StoredItem stored = new StoredItem(id, item.name(), item.description(), item.price());
      items.put(id, stored);
      return stored;
    }
  }

  /** The user routes, tagged "users". */
  public static final class Users {
    /** The users (a fixed list here). */
    @Get("/users/")
    public List<Map<String, String>> readUsers() {
      return List.of(Map.of("username", "Rick"), Map.of("username", "Morty"));
    }
  }

  static final String DESCRIPTION =
      """
      ChimichangApp API helps you do awesome stuff.

      ## Items

      You can **read items** and **create items**.

      ## Users

      You can **read users**.
      """;

  /** The app, with its metadata and docs settings, for the server and for tests. */
  public static Snel app() {
    Snel app =
        Snel.create()
            .include(Router.create().tags("items").include(new Items()))
            .include(Router.create().tags("users").include(new Users()));
    app.openApi()
        .title("ChimichangApp")
        .summary("Deadpool's favorite app. Nuff said.")
        .description(DESCRIPTION)
        .version("0.0.1")
        .termsOfService("http://example.com/terms/")
        .contact(
            "Deadpoolio the Amazing",
            "http://x-force.example.com/contact/",
            "dp@x-force.example.com")
        .license("Apache 2.0", "Apache-2.0")
        .tag("users", "Operations with users. The **login** logic is also here.")
        .tag("items", "Manage items. So _fancy_ they have their own docs.")
        .swaggerUiParameter("persistAuthorization", true)
        .swaggerUiParameter("syntaxHighlight", Map.of("theme", "obsidian"));
    return app;
  }

  /** The same routes with the docs moved, ReDoc off, servers listed and the document changed. */
  public static Snel movedApp() {
    Snel app = Snel.create().include(Router.create().tags("items").include(new Items()));
    app.openApi()
        .openapiUrl("/api/v1/openapi.json")
        .docsUrl("/documentation")
        .redocUrl(null)
        .server("https://stag.example.com", "Staging environment")
        .server("https://prod.example.com", "Production environment")
        .customize(
            document ->
                document
                    .putObject("externalDocs")
                    .put("description", "The shop's handbook")
                    .put("url", "https://example.com/handbook"));
    return app;
  }

  /** The app for code generators that read OpenAPI 3.0 only. */
  public static Snel openApi30App() {
    Snel app = app();
    app.openApi().openApi30(true);
    return app;
  }

  /** Serves the app on $PORT (default 8000); {@code DOCS=moved} serves {@link #movedApp()}. */
  public static void main(String[] args) {
    SnelServer.run("moved".equals(System.getenv("DOCS")) ? movedApp() : app());
  }
}
