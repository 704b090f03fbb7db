package dev.snel.examples.dependencies;

import dev.snel.Cookie;
import dev.snel.Default;
import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.HttpException;
import dev.snel.Json;
import dev.snel.Post;
import dev.snel.Router;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.examples.dependencies.Database.DbSession;
import dev.snel.netty.SnelServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dependencies tutorial (docs/tutorial/dependencies.md): FastAPI's {@code Depends} examples in
 * Java, from shared query parameters to a database session that commits after the handler.
 */
public final class Main {
  private Main() {}

  /** FastAPI's common_parameters: query parameters several routes share. */
  public static final class CommonParameters {
    /** The parameters, as one JSON object. */
    public Map<String, Object> get(
        Optional<String> q, @Default("0") int skip, @Default("100") int limit) {
      return Json.object("q", q.orElse(null), "skip", skip, "limit", limit);
    }
  }

  /** FastAPI's CommonQueryParams: a class dependency, built from the query for each request. */
  public record CommonQueryParams(
      Optional<String> q, @Default("0") int skip, @Default("100") int limit) {}

  /** FastAPI's query_extractor. */
  public static final class QueryExtractor {
    /** The {@code q} query parameter. */
    public Optional<String> get(Optional<String> q) {
      return q;
    }
  }

  /** FastAPI's query_or_cookie_extractor: a dependency with a dependency of its own. */
  public static final class QueryOrCookieExtractor {
    /** {@code q} if the request has a non-empty one, else the {@code last_query} cookie. */
    public Optional<String> get(
        @Depends(QueryExtractor.class) Optional<String> q, @Cookie Optional<String> last_query) {
      return q.filter(value -> !value.isEmpty()).or(() -> last_query);
    }
  }

  /** FastAPI's verify_token: a dependency run for what it checks. */
  public static final class VerifyToken {
    /** Refuses a wrong {@code X-Token}. */
    public void verify(@Header String x_token) {
      if (!x_token.equals("fake-super-secret-token")) {
        throw new HttpException(400, "X-Token header invalid");
      }
    }
  }

  /** FastAPI's verify_key: its value is dropped when it is used on a route. */
  public static final class VerifyKey {
    /** Refuses a wrong {@code X-Key}; returns the key. */
    public String verify(@Header String x_key) {
      if (!x_key.equals("fake-super-secret-key")) {
        throw new HttpException(400, "X-Key header invalid");
      }
      return x_key;
    }
  }

  /** Hands out increasing numbers: one instance per app, created by Snel. */
  public static final class NextNumber {
    private final AtomicLong counter = new AtomicLong();

    /** The next number, {@code step} after the last one. */
    public long next(@Default("1") int step) {
      return counter.addAndGet(step);
    }
  }

  /** FastAPI's get_db: a session per request, closed by Snel after the response is made. */
  public static final class GetDb {
    private final Database database;

    /** The app creates one, with the database it was given. */
    public GetDb(Database database) {
      this.database = database;
    }

    /** A new session; Snel closes it, because it is AutoCloseable. */
    public DbSession get() {
      return database.open();
    }
  }

  /** Commits the request's session when all went well, rolls it back when anything failed. */
  public static final class CommitOnSuccess {
    /** Registers the commit or rollback, to run when the request's scope ends. */
    public void register(@Depends(GetDb.class) DbSession db, Scope scope) {
      scope.defer(
          failure -> {
            if (failure == null) {
              db.commit();
            } else {
              db.rollback();
            }
          });
    }
  }

  private static final List<Map<String, Object>> FAKE_ITEMS_DB =
      List.of(
          Json.object("item_name", "Foo"),
          Json.object("item_name", "Bar"),
          Json.object("item_name", "Baz"));

  /** The routes, in the order the tutorial shows them. */
  public static final class Routes {
    /** {@code GET /items/?q=foo} answers {@code {"q":"foo","skip":0,"limit":100}}. */
    @Get("/items/")
    public Map<String, Object> readItems(
        @Depends(CommonParameters.class) Map<String, Object> commons) {
      return commons;
    }

    /** The same parameters, from the same dependency. */
    @Get("/users/")
    public Map<String, Object> readUsers(
        @Depends(CommonParameters.class) Map<String, Object> commons) {
      return commons;
    }

    /** {@code GET /class/items/?skip=1&limit=1} answers {@code {"items":[{"item_name":"Bar"}]}}. */
    @Get("/class/items/")
    public Map<String, Object> readClassItems(@Depends CommonQueryParams commons) {
      Map<String, Object> response = new LinkedHashMap<>();
      commons.q().ifPresent(q -> response.put("q", q));
      int from = Math.min(commons.skip(), FAKE_ITEMS_DB.size());
      int to = Math.min(from + commons.limit(), FAKE_ITEMS_DB.size());
      response.put("items", FAKE_ITEMS_DB.subList(from, to));
      return response;
    }

    /**
     * {@code GET /query/} with a {@code last_query=bar} cookie answers {@code
     * {"q_or_cookie":"bar"}}.
     */
    @Get("/query/")
    public Map<String, Object> readQuery(
        @Depends(QueryOrCookieExtractor.class) Optional<String> queryOrDefault) {
      return Json.object("q_or_cookie", queryOrDefault.orElse(null));
    }

    /** Needs the right {@code X-Token} and {@code X-Key} headers. */
    @Get("/checked/items/")
    @Depends(VerifyToken.class)
    @Depends(VerifyKey.class)
    public List<Map<String, String>> readCheckedItems() {
      return List.of(Map.of("item", "Foo"), Map.of("item", "Bar"));
    }

    /** {@code first} and {@code again} share one value; {@code fresh} is computed again. */
    @Get("/numbers/")
    public Map<String, Object> numbers(
        @Depends(NextNumber.class) long first,
        @Depends(NextNumber.class) long again,
        @Depends(value = NextNumber.class, cached = false) long fresh) {
      return Json.object("first", first, "again", again, "fresh", fresh);
    }

    /** The stored notes, read through the request's session. */
    @Get("/notes/")
    public List<String> readNotes(@Depends(GetDb.class) DbSession db) {
      return db.notes();
    }

    /** Adds every {@code note}; all are stored when the request succeeds, none when it fails. */
    @Post("/notes/")
    @Depends(CommitOnSuccess.class)
    public Map<String, Object> addNotes(@Depends(GetDb.class) DbSession db, List<String> note) {
      for (String text : note) {
        if (text.isBlank()) {
          throw new HttpException(400, "A note cannot be empty");
        }
        db.add(text);
      }
      return Json.object("added", note);
    }

    /** What happened to the database: an app-scoped singleton, injected by its type. */
    @Get("/events/")
    public List<String> events(Database database) {
      return database.events();
    }
  }

  /** Routes whose router checks the headers of every request: FastAPI's global dependencies. */
  public static final class GuardedRoutes {
    /** {@code GET /guarded/items/}, with the right headers. */
    @Get("/items/")
    public List<Map<String, String>> readItems() {
      return List.of(Map.of("item", "Portal Gun"), Map.of("item", "Plumbus"));
    }

    /** {@code GET /guarded/users/}, with the right headers. */
    @Get("/users/")
    public List<Map<String, String>> readUsers() {
      return List.of(Map.of("username", "Rick"), Map.of("username", "Morty"));
    }
  }

  /** The app over this database, for the server and for tests. */
  public static Snel app(Database database) {
    Router guarded =
        Router.withPrefix("/guarded")
            .dependencies(VerifyToken.class, VerifyKey.class)
            .include(new GuardedRoutes());
    Snel app = Snel.create().provide(database).include(new Routes()).include(guarded);
    addWelcomeNote(app);
    return app;
  }

  /** The app over a database of its own. */
  public static Snel app() {
    return app(new Database());
  }

  /** The guarded routes with the checks on the whole app: FastAPI(dependencies=[...]). */
  public static Snel guardedApp() {
    return Snel.create()
        .dependencies(VerifyToken.class, VerifyKey.class)
        .include(new GuardedRoutes());
  }

  /** Stores a first note through a session resolved outside any request. */
  static void addWelcomeNote(Snel app) {
    try (Scope scope = app.openScope()) {
      DbSession db = scope.get(GetDb.class, DbSession.class);
      db.add("welcome");
      db.commit();
    }
  }

  /** Serves the app on $PORT (default 8000). */
  public static void main(String[] args) {
    SnelServer.run(app());
  }
}
