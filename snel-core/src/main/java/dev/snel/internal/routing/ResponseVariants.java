package dev.snel.internal.routing;

import dev.snel.Status;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The status of each record of a sealed response type: its {@link Status}, else the route's. Read
 * once at startup; the response encoding and the OpenAPI responses both use it, so a variant is
 * documented under the status it is sent with.
 *
 * @param statuses each permitted record, in declaration order, to its status; empty when the
 *     response model is not a sealed interface
 */
public record ResponseVariants(Map<Class<?>, Integer> statuses) {
  private static final ResponseVariants NONE = new ResponseVariants(Map.of());

  /**
   * The variants of a response model, with {@code routeStatus} for those without {@link Status}.
   */
  public static ResponseVariants of(Type responseModel, int routeStatus) {
    Class<?> raw =
        responseModel instanceof Class<?> c
            ? c
            : responseModel instanceof ParameterizedType p && p.getRawType() instanceof Class<?> r
                ? r
                : null;
    if (raw == null || !raw.isInterface() || !raw.isSealed()) {
      return NONE;
    }
    Map<Class<?>, Integer> statuses = new LinkedHashMap<>();
    for (Class<?> variant : raw.getPermittedSubclasses()) {
      Status status = variant.getAnnotation(Status.class);
      statuses.put(variant, status == null ? routeStatus : status.value());
    }
    return new ResponseVariants(java.util.Collections.unmodifiableMap(statuses));
  }

  /** Whether some variant has a status of its own. */
  public boolean any(int routeStatus) {
    return statuses.values().stream().anyMatch(status -> status != routeStatus);
  }

  /** The status to send a result with: its variant's, else {@code routeStatus}. */
  int statusOf(@Nullable Object result, int routeStatus) {
    if (result == null || statuses.isEmpty()) {
      return routeStatus;
    }
    Integer status = statuses.get(result.getClass());
    return status == null ? routeStatus : status;
  }
}
