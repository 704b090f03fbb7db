package dev.snel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The parameter receives an API key from the request header of that name (in any case, the first if
 * repeated), and the OpenAPI document gets an API key scheme {@code in: header}: FastAPI's {@code
 * APIKeyHeader}. A missing or empty value is answered with 401 {@code {"detail":"Not
 * authenticated"}} and {@code WWW-Authenticate: APIKey}.
 *
 * <pre>{@code
 * // api_key = APIKeyHeader(name="X-API-Key")
 * // def read_items(key: Annotated[str, Depends(api_key)]): ...
 * @Get("/items")
 * public List<Item> readItems(@ApiKeyHeader(name = "X-API-Key") String key) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ApiKeyHeader {
  /** The header's name. */
  String name();

  /**
   * The scheme's name in the OpenAPI document (its key under {@code components.securitySchemes});
   * empty means FastAPI's default, APIKeyHeader.
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
