package dev.snel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The parameter receives an API key from the query parameter of that name (the last if repeated),
 * and the OpenAPI document gets an API key scheme {@code in: query}: FastAPI's {@code APIKeyQuery}.
 * A missing or empty value is answered with 401 {@code {"detail":"Not authenticated"}} and {@code
 * WWW-Authenticate: APIKey}.
 *
 * <pre>{@code
 * // api_key = APIKeyQuery(name="api_key")
 * // def read_items(key: Annotated[str, Depends(api_key)]): ...
 * @Get("/items")
 * public List<Item> readItems(@ApiKeyQuery(name = "api_key") String key) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ApiKeyQuery {
  /** The query's name. */
  String name();

  /**
   * The scheme's name in the OpenAPI document (its key under {@code components.securitySchemes});
   * empty means FastAPI's default, APIKeyQuery.
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
