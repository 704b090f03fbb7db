package dev.snel.sql;

import dev.snel.Response;
import dev.snel.Scope;
import dev.snel.Snel;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

/**
 * Puts a database into an app: the {@link Database} as a singleton (opened when the app starts,
 * closed when it closes), its migrations run before the first request, and the 503 answer for a
 * busy pool.
 *
 * <pre>{@code
 * Snel app = Snel.create();
 * Sql.install(app, DatabaseConfig.of("postgresql://app@db/shop").migrations("classpath:db/migration"));
 * app.include(new Users());   // handlers take @Depends(Transaction.class) Handle
 * }</pre>
 */
public final class Sql {
  /** What a request that waited too long for a connection is answered, with status 503. */
  public static final String BUSY_DETAIL = "Database busy, try again";

  private Sql() {}

  /**
   * Provides the database to the app's handlers and dependencies ({@link Database}, {@link
   * Transaction}), migrates it at start if the config names migrations, and answers {@link
   * DatabaseBusyException} (and HikariCP's own {@link SQLTransientConnectionException}, from code
   * that uses the pool directly) with 503 {@code {"detail":"Database busy, try again"}}.
   */
  public static Snel install(Snel app, DatabaseConfig config) {
    app.provide(Database.class, () -> Database.connect(config));
    List<String> migrations = config.migrations;
    if (!migrations.isEmpty()) {
      app.lifespan(
          () -> {
            try (Scope scope = app.openScope()) {
              scope.get(Database.class).migrate(migrations.toArray(String[]::new));
            }
            return () -> {};
          });
    }
    app.exceptionHandler(DatabaseBusyException.class, (request, e) -> busy());
    app.exceptionHandler(SQLTransientConnectionException.class, (request, e) -> busy());
    return app;
  }

  private static Response busy() {
    return Response.json(Map.of("detail", BUSY_DETAIL)).status(503);
  }
}
