package dev.snel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The parameter receives an API key from the cookie of that name, and the OpenAPI document gets an
 * API key scheme {@code in: cookie}: FastAPI's {@code APIKeyCookie}. A missing or empty value is
 * answered with 401 {@code {"detail":"Not authenticated"}} and {@code WWW-Authenticate: APIKey}.
 *
 * <pre>{@code
 * // api_key = APIKeyCookie(name="session")
 * // def read_items(key: Annotated[str, Depends(api_key)]): ...
 * @Get("/items")
 * public List<Item> readItems(@ApiKeyCookie(name = "session") String key) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ApiKeyCookie {
  /** The cookie's name. */
  String name();

  /**
   * The scheme's name in the OpenAPI document (its key under {@code components.securitySchemes});
   * empty means FastAPI's default, APIKeyCookie.
   */
  String schemeName() default "";

  /** A description of the scheme for the OpenAPI document. */
  String description() default "";

  /**
   * Whether a request without credentials is answered with 401 {@code {"detail":"Not
   * authenticated"}} (the default); false gives the parameter, which must then be an {@code
   * Optional}, no value instead, for an endpoint whose authentication is optional.
   */
  boolean autoError() default true;
}
