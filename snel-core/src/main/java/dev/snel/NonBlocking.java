package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a route's handler directly on the server's I/O thread instead of a virtual thread.
 *
 * <p>This is the analogue of FastAPI's {@code async def}: no hand-off, so the cheapest possible
 * dispatch, but the handler must never block (no JDBC, no sleeping, no blocking HTTP calls), or
 * every connection served by that I/O thread waits. Handlers that return a {@link
 * java.util.concurrent.CompletionStage} are a good fit. Without this annotation each request runs
 * on its own virtual thread, where blocking is fine.
 *
 * <p>On a class, it applies to the routes the class declares, and to all the routes of an included
 * object of that class (a subclass marked {@code @NonBlocking} runs its inherited routes on the I/O
 * thread).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NonBlocking {}
