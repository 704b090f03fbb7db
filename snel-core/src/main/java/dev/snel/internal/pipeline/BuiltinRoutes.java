package dev.snel.internal.pipeline;

import dev.snel.Request;
import dev.snel.Response;
import org.jspecify.annotations.Nullable;

/**
 * Routes Snel serves itself (the OpenAPI document and the docs pages), consulted when no user route
 * matches the path, so an app may take over any of their paths.
 */
@FunctionalInterface
public interface BuiltinRoutes {
  /** The response for the request, or null if the path is not one of these routes. */
  @Nullable Response handle(Request request);
}
