package dev.snel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The parameter receives the request's {@code Authorization: Bearer <credentials>} header as an
 * {@link HttpAuthorizationCredentials}, and the OpenAPI document gets an HTTP bearer scheme:
 * FastAPI's {@code HTTPBearer}.
 *
 * <pre>{@code
 * // security = HTTPBearer(bearerFormat="JWT")
 * // def read_me(credentials: Annotated[HTTPAuthorizationCredentials, Depends(security)]): ...
 * @Get("/me")
 * public String readMe(@HttpBearer(bearerFormat = "JWT") HttpAuthorizationCredentials credentials) {
 *   return credentials.credentials();
 * }
 * }</pre>
 *
 * <p>A missing header, another scheme, or a bare {@code Bearer} without credentials is answered
 * with 401 {@code {"detail":"Not authenticated"}} and {@code WWW-Authenticate: Bearer}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface HttpBearer {
  /** A hint of the token's format for the document, e.g. {@code JWT}; empty for none. */
  String bearerFormat() default "";

  /**
   * The scheme's name in the OpenAPI document (its key under {@code components.securitySchemes});
   * empty means FastAPI's default, HTTPBearer.
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
