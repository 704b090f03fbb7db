package dev.snel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One OAuth2 scope a scheme offers, with the text Swagger UI shows next to it: an entry of
 * FastAPI's {@code scopes={"me": "Read information about the current user."}}.
 *
 * <pre>{@code
 * @OAuth2PasswordBearer(
 *     tokenUrl = "token",
 *     scopes = {@OAuth2Scope(name = "me", description = "Read information about the current user."),
 *               @OAuth2Scope(name = "items", description = "Read items.")})
 * String token
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface OAuth2Scope {
  /** The scope's name, as tokens and {@code @Depends(scopes = ...)} write it. */
  String name();

  /** What the scope allows. */
  String description() default "";
}
