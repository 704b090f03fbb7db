package dev.snel.sql;

import dev.snel.Get;
import dev.snel.Response;
import java.util.Map;

/**
 * A health check route, {@code GET /health}: 200 {@code {"status":"ok"}} when the database answers,
 * 503 {@code {"status":"unavailable"}} when it does not or no connection came free in time. Include
 * it with {@code app.include(new DatabaseHealth())}, or under a prefix with {@code
 * Router.withPrefix("/internal").include(new DatabaseHealth())}.
 */
public final class DatabaseHealth {

  /** Made by the app's author, once. */
  public DatabaseHealth() {}

  /** Pings the pool. */
  @Get("/health")
  public Response health(Database database) {
    return database.ping()
        ? Response.json(Map.of("status", "ok"))
        : Response.json(Map.of("status", "unavailable")).status(503);
  }
}
