package dev.snel.internal.params;

import dev.snel.RouteDefinitionException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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

  /**
   * @param binders one per parameter, in signature order
   * @param isDependency which parameters are dependencies (bound first)
   * @param target takes the arguments as an {@code Object[]}, returns an {@code Object}
   */
  Invocation(ParamBinder[] binders, boolean[] isDependency, MethodHandle target) {
    this.binders = binders;
    this.target = target;
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
    Object[] args = new Object[binders.length];
    for (int i = 0; i < order.length; i++) {
      if (i == dependencies) {
        ownErrors = scope.errorCount();
      }
      int index = order[i];
      args[index] = binders[index].bind(scope);
    }
    if (dependencies == order.length) {
      ownErrors = scope.errorCount();
    }
    scope.sortErrorsFrom(ownErrors);
    return scope.errorCount() > before ? null : args;
  }

  /** Calls the target with these arguments. */
  public Object invoke(Object[] args) throws Throwable {
    return (Object) target.invokeExact(args);
  }

  /**
   * A handle to a method or constructor taking its arguments as an {@code Object[]} and returning
   * an {@code Object}, bound to the instance for an instance method.
   */
  static MethodHandle handle(Executable executable, @Nullable Object instance, String where) {
    try {
      executable.setAccessible(true);
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodHandle handle =
          executable instanceof Method method
              ? lookup.unreflect(method)
              : lookup.unreflectConstructor((Constructor<?>) executable);
      if (executable instanceof Method && !Modifier.isStatic(executable.getModifiers())) {
        handle = handle.bindTo(instance);
      }
      return handle
          .asSpreader(Object[].class, executable.getParameterCount())
          .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (IllegalAccessException | RuntimeException e) {
      throw new RouteDefinitionException(
          where + ": cannot be called by Snel: " + e.getMessage(), e);
    }
  }
}
