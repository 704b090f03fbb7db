package dev.snel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The parameter receives the request's whole {@code Authorization} header value (scheme included,
 * not parsed), and the OpenAPI document gets an OpenID Connect scheme: FastAPI's {@code
 * OpenIdConnect}. A missing or empty header is answered with 401 {@code {"detail":"Not
 * authenticated"}} and {@code WWW-Authenticate: Bearer}.
 *
 * <pre>{@code
 * // oidc = OpenIdConnect(openIdConnectUrl="/.well-known/openid-configuration")
 * // def read_me(authorization: Annotated[str, Depends(oidc)]): ...
 * @Get("/me")
 * public String readMe(
 *     @OpenIdConnect(openIdConnectUrl = "/.well-known/openid-configuration")
 *         String authorization) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface OpenIdConnect {
  /** The URL of the OpenID Connect discovery document. */
  String openIdConnectUrl();

  /**
   * The scheme's name in the OpenAPI document (its key under {@code components.securitySchemes});
   * empty means FastAPI's default, OpenIdConnect.
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
