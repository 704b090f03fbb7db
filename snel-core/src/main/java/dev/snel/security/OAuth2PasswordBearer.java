package dev.snel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The parameter receives the bearer token of the request's {@code Authorization: Bearer <token>}
 * header, and the OpenAPI document gets an OAuth2 password flow whose token URL is where clients
 * log in: FastAPI's {@code OAuth2PasswordBearer}.
 *
 * <pre>{@code
 * // oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
 * // async def get_current_user(token: Annotated[str, Depends(oauth2_scheme)]): ...
 * public final class CurrentUser {
 *   public User get(@OAuth2PasswordBearer(tokenUrl = "token") String token) {
 *     return users.byToken(token).orElseThrow(() -> new HttpException(401, "Invalid token"));
 *   }
 * }
 * }</pre>
 *
 * <p>A missing header, or one whose scheme is not {@code Bearer} (in any case), is answered with
 * 401 {@code {"detail":"Not authenticated"}} and {@code WWW-Authenticate: Bearer}. A bare {@code
 * Bearer} gives the empty string, as in FastAPI. The parameter is a {@code String}, or an {@code
 * Optional<String>} with {@link #autoError()} false. Scopes required along the dependency chain
 * ({@code @Depends(value = ..., scopes = ...)}) are listed on the operation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface OAuth2PasswordBearer {
  /** The URL clients send the username and password to for a token (relative to the API). */
  String tokenUrl();

  /** The URL to refresh a token at; empty for none. */
  String refreshUrl() default "";

  /** The scopes the flow offers, as the document lists them. */
  OAuth2Scope[] scopes() default {};

  /**
   * The scheme's name in the OpenAPI document (its key under {@code components.securitySchemes});
   * empty means FastAPI's default, OAuth2PasswordBearer.
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
