package dev.snel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The parameter receives the request's {@code Authorization: Digest <parameters>} header as an
 * {@link HttpAuthorizationCredentials} (the parameters unparsed), and the OpenAPI document gets an
 * HTTP digest scheme: FastAPI's {@code HTTPDigest}. A missing header, another scheme or no
 * parameters is answered with 401 {@code {"detail":"Not authenticated"}} and {@code
 * WWW-Authenticate: Digest}.
 *
 * <pre>{@code
 * // security = HTTPDigest()
 * // def read_me(credentials: Annotated[HTTPAuthorizationCredentials, Depends(security)]): ...
 * @Get("/me")
 * public String readMe(@HttpDigest HttpAuthorizationCredentials credentials) {
 *   return credentials.credentials();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface HttpDigest {
  /**
   * The scheme's name in the OpenAPI document (its key under {@code components.securitySchemes});
   * empty means FastAPI's default, HTTPDigest.
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
