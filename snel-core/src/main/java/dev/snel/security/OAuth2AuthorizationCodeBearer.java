package dev.snel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The parameter receives the bearer token of the request's {@code Authorization: Bearer <token>}
 * header, and the OpenAPI document gets an OAuth2 authorization-code flow: FastAPI's {@code
 * OAuth2AuthorizationCodeBearer}. On the wire it behaves exactly like {@link OAuth2PasswordBearer}.
 *
 * <pre>{@code
 * // oauth2_scheme = OAuth2AuthorizationCodeBearer(authorizationUrl="authorize", tokenUrl="token")
 * // def read_items(token: Annotated[str, Depends(oauth2_scheme)]): ...
 * @Get("/items")
 * public List<Item> readItems(
 *     @OAuth2AuthorizationCodeBearer(authorizationUrl = "authorize", tokenUrl = "token")
 *         String token) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface OAuth2AuthorizationCodeBearer {
  /** The URL users authorize the client at. */
  String authorizationUrl();

  /** The URL the client exchanges the code for a token at. */
  String tokenUrl();

  /** The URL to refresh a token at; empty for none. */
  String refreshUrl() default "";

  /** The scopes the flow offers, as the document lists them. */
  OAuth2Scope[] scopes() default {};

  /**
   * The scheme's name in the OpenAPI document (its key under {@code components.securitySchemes});
   * empty means FastAPI's default, OAuth2AuthorizationCodeBearer.
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
