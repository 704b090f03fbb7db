package dev.snel.internal.errors;

import dev.snel.DefaultExceptionHandlers;
import dev.snel.ExceptionHandler;
import dev.snel.HttpException;
import dev.snel.Request;
import dev.snel.RequestValidationException;
import dev.snel.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exception handlers by exception type; the handler of the nearest registered superclass wins.
 * Registration happens before serving; lookups are then thread-safe and cached per class.
 */
public final class ExceptionRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ExceptionRegistry.class);

  private final Map<Class<?>, ExceptionHandler<?>> handlers = new HashMap<>();
  private final Map<Class<?>, ExceptionHandler<?>> resolved = new ConcurrentHashMap<>();

  /** A registry holding Snel's built-in handlers. */
  public ExceptionRegistry() {
    register(HttpException.class, DefaultExceptionHandlers::httpException);
    register(RequestValidationException.class, DefaultExceptionHandlers::requestValidation);
    register(Throwable.class, DefaultExceptionHandlers::serverError);
  }

  /** Registers (or replaces) the handler of a type. */
  public <E extends Throwable> void register(Class<E> type, ExceptionHandler<? super E> handler) {
    handlers.put(type, handler);
    resolved.clear();
  }

  /** The response for an exception; a failing handler falls back to the 500 handler. */
  // Error Prone's ReferenceEquality: a handler that rethrows its own exception must not have it
  // added to itself (addSuppressed refuses that), a question of identity, not equals
  @SuppressWarnings("ReferenceEquality")
  public Response handle(Request request, Throwable exception) {
    try {
      return invoke(handlerFor(exception.getClass()), request, exception);
    } catch (Throwable failure) {
      if (exception != failure) {
        failure.addSuppressed(exception);
      }
      LOG.error("The exception handler for {} failed", exception.getClass().getName(), failure);
      return DefaultExceptionHandlers.serverError(request, failure);
    }
  }

  /**
   * Whether no handler but the one for {@code Throwable} (the 500 answer) takes this exception:
   * what Starlette's ServerErrorMiddleware answers outside the user's middleware.
   */
  public boolean onlyCatchAllHandles(Throwable exception) {
    return handlerFor(exception.getClass()) == handlers.get(Throwable.class);
  }

  @SuppressWarnings("unchecked")
  private static Response invoke(
      ExceptionHandler<?> handler, Request request, Throwable exception) {
    return ((ExceptionHandler<Throwable>) handler).handle(request, exception);
  }

  private ExceptionHandler<?> handlerFor(Class<?> type) {
    return resolved.computeIfAbsent(
        type,
        t -> {
          for (Class<?> c = t; c != null; c = c.getSuperclass()) {
            ExceptionHandler<?> handler = handlers.get(c);
            if (handler != null) {
              return handler;
            }
          }
          throw new IllegalStateException("no handler for " + t);
        });
  }
}
