package dev.snel.internal.params;

import dev.snel.RouteDefinitionException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A handler, dependency method or constructor with its compiled parameters. Its arguments are bound
 * as FastAPI solves a dependant: the dependencies first, in signature order, then the request's
 * values, whose errors are sorted by source after the dependencies' errors.
 */
public final class Invocation {
  private final ParamBinder[] binders;
  private final int[] order;
  private final int dependencies;
  private final MethodHandle target;
  private final @Nullable Supplier<Object> receiver;
  private final int offset;

  /**
   * @param binders one per parameter, in signature order
   * @param isDependency which parameters are dependencies (bound first)
   * @param target takes the arguments (after the receiver, if any) as an {@code Object[]}, returns
   *     an {@code Object}
   * @param receiver the object an instance method is called on, looked up at each call (an
   *     app-scoped instance is made when first needed); null for a static method or constructor
   */
  Invocation(
      ParamBinder[] binders,
      boolean[] isDependency,
      MethodHandle target,
      @Nullable Supplier<Object> receiver) {
    this.binders = binders;
    this.target = target;
    this.receiver = receiver;
    this.offset = receiver == null ? 0 : 1;
    this.order = new int[binders.length];
    int next = 0;
    for (int i = 0; i < binders.length; i++) {
      if (isDependency[i]) {
        order[next++] = i;
      }
    }
    this.dependencies = next;
    for (int i = 0; i < binders.length; i++) {
      if (!isDependency[i]) {
        order[next++] = i;
      }
    }
  }

  /** The arguments for this request; null if this level (or a dependency of it) found errors. */
  public Object @Nullable [] arguments(RequestScope scope) throws Throwable {
    int before = scope.errorCount();
    int ownErrors = before;
    Object[] args = new Object[offset + binders.length];
    for (int i = 0; i < order.length; i++) {
      if (i == dependencies) {
        ownErrors = scope.errorCount();
      }
      int index = order[i];
      args[offset + index] = binders[index].bind(scope);
    }
    if (dependencies == order.length) {
      ownErrors = scope.errorCount();
    }
    scope.sortErrorsFrom(ownErrors);
    return scope.errorCount() > before ? null : args;
  }

  /** Calls the target with these arguments, as {@link #arguments} made them. */
  public Object invoke(Object[] args) throws Throwable {
    if (receiver != null) {
      args[0] = receiver.get();
    }
    return (Object) target.invokeExact(args);
  }

  /**
   * A handle to a method or constructor taking its arguments as an {@code Object[]} and returning
   * an {@code Object}; an instance method's receiver comes first in the array.
   *
   * @param hasReceiver whether the method is called on an instance (an instance method)
   */
  static MethodHandle handle(Executable executable, boolean hasReceiver, String where) {
    try {
      executable.setAccessible(true);
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodHandle handle =
          executable instanceof Method method
              ? lookup.unreflect(method)
              : lookup.unreflectConstructor((Constructor<?>) executable);
      return handle
          .asSpreader(Object[].class, executable.getParameterCount() + (hasReceiver ? 1 : 0))
          .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (IllegalAccessException | RuntimeException e) {
      throw new RouteDefinitionException(
          where + ": cannot be called by Snel: " + e.getMessage(), e);
    }
  }
}
