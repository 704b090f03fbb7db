package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a route's handler on a virtual thread of the JDK's default scheduler, away from the server's
 * event loops.
 *
 * <p>By default the server runs each handler on a virtual thread carried by the event loop of its
 * connection: blocking on sockets, locks, queues and sleeps is fine there (the thread parks and the
 * loop serves other connections), but long computations, file I/O and blocking while pinned (in a
 * class initialiser or under a native call) hold the loop and every connection on it. Mark routes
 * that do such work {@code @Offload}: the JDK's scheduler runs them on its own carriers, in
 * parallel with the loops, and adds a carrier while one blocks in file I/O. The hand-off costs a
 * few microseconds per request. See {@code docs/concurrency.md}.
 *
 * <p>On a class, it applies to the routes the class declares, and to all the routes of an included
 * object of that class. A route cannot be both {@code @Offload} and {@link NonBlocking}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Offload {}
