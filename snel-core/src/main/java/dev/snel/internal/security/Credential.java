package dev.snel.internal.security;

import dev.snel.HttpException;
import dev.snel.Request;
import dev.snel.internal.params.AnnotationResolver;
import dev.snel.internal.params.ParamBinder;
import dev.snel.internal.params.SecurityRequirement;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every scheme compiles to: a reading of the request's credentials, the 401 {@code
 * {"detail":"Not authenticated"}} with the scheme's challenge when there are none (or, with {@code
 * autoError = false}, an empty {@code Optional}), and the scheme's OpenAPI entry.
 */
final class Credential {
  private Credential() {}

  /** Reads a scheme's credentials from a request. */
  @FunctionalInterface
  interface Reader {
    /**
     * The credentials; null if the request has none.
     *
     * @param failure the 401 to throw where FastAPI fails even without auto_error
     */
    @Nullable Object read(Request request, Failure failure);
  }

  /** The scheme's 401, with its {@code WWW-Authenticate} challenge. */
  static final class Failure {
    private final Map<String, String> headers;

    Failure(String challenge) {
      this.headers = Map.of("WWW-Authenticate", challenge);
    }

    // a new exception each time: a handler may keep it, and it is cheap (no stack trace)
    HttpException exception() {
      return new HttpException(401, "Not authenticated", headers);
    }
  }

  /**
   * The compiled parameter.
   *
   * @param annotation the scheme's annotation name for messages, e.g. {@code @HttpBasic}
   * @param valueType what the scheme gives: String or a credentials record
   * @param name the scheme's name in the document
   * @param scheme its entry under {@code components.securitySchemes}
   * @param scopes the scopes the dependency chain requires
   */
  static AnnotationResolver.Resolved resolve(
      Parameter parameter,
      String annotation,
      Class<?> valueType,
      boolean autoError,
      String challenge,
      Reader reader,
      String name,
      ObjectNode scheme,
      List<String> scopes) {
    boolean optional = checkType(parameter, annotation, valueType, autoError);
    Failure failure = new Failure(challenge);
    ParamBinder binder =
        scope -> {
          Object value = reader.read(scope.request(), failure);
          if (value == null) {
            if (autoError) {
              throw failure.exception();
            }
            return Optional.empty();
          }
          return optional ? Optional.of(value) : value;
        };
    return new AnnotationResolver.Resolved(
        binder, true, new SecurityRequirement(name, scheme, List.copyOf(scopes)));
  }

  /** Whether the parameter is an Optional; throws if its type does not fit the scheme. */
  private static boolean checkType(
      Parameter parameter, String annotation, Class<?> valueType, boolean autoError) {
    String wanted = valueType.getSimpleName();
    Type type = parameter.getParameterizedType();
    if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
      if (p.getActualTypeArguments()[0] != valueType) {
        throw new IllegalArgumentException(
            annotation
                + " gives a "
                + wanted
                + ", so the parameter is an Optional<"
                + wanted
                + ">");
      }
      return true;
    }
    if (type != valueType) {
      throw new IllegalArgumentException(
          annotation
              + " gives a "
              + wanted
              + ", not a "
              + parameter.getParameterizedType().getTypeName());
    }
    if (!autoError) {
      throw new IllegalArgumentException(
          annotation
              + "(autoError = false) gives no value when the request has no credentials, so the"
              + " parameter is an Optional<"
              + wanted
              + ">");
    }
    return false;
  }
}
