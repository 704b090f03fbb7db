package dev.snel;

/**
 * Turns an exception thrown while handling a request into a response, like a FastAPI {@code
 * @app.exception_handler(...)} function. Registered once per exception type with {@link
 * Snel#exceptionHandler(Class, ExceptionHandler)}; the handler of the most specific registered
 * superclass of the thrown exception is used.
 *
 * <p>Runs on the thread that ran the route's handler; it may block when that is a virtual
 * thread.
 *
 * @param <E> the exception type handled
 */
@FunctionalInterface
public interface ExceptionHandler<E extends Throwable> {
  /** The response for this exception. */
  Response handle(Request request, E exception);
}
