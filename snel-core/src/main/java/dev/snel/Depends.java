package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A dependency: a value Snel computes before the handler runs, from parameters resolved exactly
 * like the handler's own. FastAPI's {@code Annotated[User, Depends(get_current_user)]} is:
 *
 * <pre>{@code
 * public final class GetCurrentUser {                       // a dependency class ...
 *   public User get(@Header String authorization) { ... }   // ... with one public method
 * }
 *
 * @Get("/users/me")
 * public User readUsersMe(@Depends(GetCurrentUser.class) User currentUser) { return currentUser; }
 * }</pre>
 *
 * <p>The class named here is read once, at startup:
 *
 * <ul>
 *   <li>If it is the parameter's type (or {@code @Depends} names none), it is a <em>class
 *       dependency</em>: Snel calls its public constructor with resolved arguments for each
 *       request, FastAPI's {@code commons: CommonQueryParams = Depends()}.
 *   <li>Otherwise its one public method (besides {@code close()} of an {@link AutoCloseable}, which
 *       the app calls when it closes) produces the value. A static method is called as is; for an
 *       instance method Snel uses the instance given to {@link Snel#provide(Object)}, or creates
 *       one, once per app, through its public constructor from provided singletons.
 * </ul>
 *
 * <p>The method's (or constructor's) parameters are anything a handler can take: path, query,
 * header, cookie and body parameters, the request, other dependencies, provided singletons, and the
 * {@link Scope}, to any depth. Within one request a dependency runs once and its value is shared
 * wherever it is used, unless {@link #cached()} is false. A value that is {@link AutoCloseable} is
 * closed after the response is made; {@link Scope#defer(Cleanup)} is the explicit form, which also
 * sees the failure (FastAPI's dependencies with {@code yield}).
 *
 * <p>On a handler method, a handler class, a {@link Router} or the app ({@link
 * Snel#dependencies(Class[])}) a dependency runs for its side effects only, before the handler's
 * own: FastAPI's {@code dependencies=[Depends(verify_token)]}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
@Repeatable(Depends.All.class)
public @interface Depends {
  /** The dependency class; by default the parameter's type (a class dependency). */
  Class<?> value() default void.class;

  /**
   * Whether one request shares one value of this dependency; false runs it at each use (FastAPI's
   * {@code use_cache=False}).
   */
  boolean cached() default true;

  /**
   * Security scopes this use of the dependency requires: FastAPI's {@code Security(dependency,
   * scopes=[...])}. They add to the scopes of the uses above it; a {@link
   * dev.snel.security.SecurityScopes} parameter anywhere below receives them all, and the OpenAPI
   * operation lists them with the security scheme they reach.
   */
  String[] scopes() default {};

  /** Holds several {@link Depends} on one method or class. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @interface All {
    /** The dependencies, in the order they run. */
    Depends[] value();
  }
}
