package dev.snel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The parameter receives the username and password of the request's {@code Authorization: Basic
 * <base64>} header as an {@link HttpBasicCredentials}, and the OpenAPI document gets an HTTP basic
 * scheme: FastAPI's {@code HTTPBasic}.
 *
 * <pre>{@code
 * // security = HTTPBasic()
 * // def read_current_user(credentials: Annotated[HTTPBasicCredentials, Depends(security)]):
 * //     return {"username": credentials.username}
 * @Get("/users/me")
 * public Map<String, String> readCurrentUser(@HttpBasic HttpBasicCredentials credentials) {
 *   return Map.of("username", credentials.username());
 * }
 * }</pre>
 *
 * <p>A missing header or another scheme is answered with 401 {@code {"detail":"Not authenticated"}}
 * and {@code WWW-Authenticate: Basic} (with {@code realm="..."} when a {@link #realm()} is set). So
 * is a payload that is not base64 of ASCII text with a colon, <em>even with {@link #autoError()}
 * false</em>, as in FastAPI. Check the password with a constant-time comparison, e.g. {@link
 * java.security.MessageDigest#isEqual}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface HttpBasic {
  /** The realm the 401 challenge names; empty for none. It is not in the document. */
  String realm() default "";

  /**
   * The scheme's name in the OpenAPI document (its key under {@code components.securitySchemes});
   * empty means FastAPI's default, HTTPBasic.
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
