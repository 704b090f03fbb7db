package dev.snel.internal.schema;

import dev.snel.Model;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a model's members from an object of any class, found once per class: a Map's key, a record
 * component, a getter ({@code getX}/{@code isX}/{@code x()}) or a field, by Java name or JSON name,
 * and for a snake_case name also by its camelCase form. This is how a response model takes what it
 * needs from an ORM entity or another model (pydantic's from_attributes): a model mirroring the
 * wire's {@code is_active} reads a JPA entity's {@code isActive()}.
 */
final class Readers {
  private Readers() {}

  /** What a reader returns for a key the Map does not have (a null value is a value). */
  static final Object ABSENT = new Object();

  // Error Prone's ReferenceEquality: a sentinel is recognised by identity, never by equals
  @SuppressWarnings("ReferenceEquality")
  static boolean absent(@Nullable Object member) {
    return member == ABSENT;
  }

  /** Reads one member from an object. */
  @FunctionalInterface
  interface Reader {
    @Nullable Object read(Object source);
  }

  /** One reader per field; null where the class has no such member. */
  static @Nullable Reader[] forClass(Class<?> source, Field[] fields) {
    @Nullable Reader[] readers = new Reader[fields.length];
    for (int i = 0; i < fields.length; i++) {
      readers[i] = find(source, fields[i]);
    }
    return readers;
  }

  private static @Nullable Reader find(Class<?> source, Field field) {
    if (Map.class.isAssignableFrom(source)) {
      String java = field.javaName;
      String json = field.jsonName;
      return map -> {
        Map<?, ?> m = (Map<?, ?>) map;
        return m.containsKey(java) ? m.get(java) : m.containsKey(json) ? m.get(json) : ABSENT;
      };
    }
    for (String name :
        new String[] {
          field.javaName, field.jsonName, Names.apply(Model.Naming.CAMEL_CASE, field.javaName)
        }) {
      MethodHandle handle = accessor(source, name);
      if (handle != null) {
        return object -> invoke(handle, object);
      }
    }
    return null;
  }

  private static @Nullable MethodHandle accessor(Class<?> source, String name) {
    try {
      if (source.isRecord()) {
        for (RecordComponent component : source.getRecordComponents()) {
          if (component.getName().equals(name)) {
            return unreflect(component.getAccessor());
          }
        }
      }
      String capitalized =
          name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
      for (String candidate : new String[] {"get" + capitalized, "is" + capitalized, name}) {
        Method method = findMethod(source, candidate);
        if (method != null) {
          return unreflect(method);
        }
      }
      for (Class<?> c = source; c != null && c != Object.class; c = c.getSuperclass()) {
        for (java.lang.reflect.Field f : c.getDeclaredFields()) {
          if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
            f.setAccessible(true);
            return MethodHandles.lookup().unreflectGetter(f);
          }
        }
      }
      return null;
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }

  private static @Nullable Method findMethod(Class<?> source, String name) {
    for (Class<?> c = source; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.getName().equals(name)
            && method.getParameterCount() == 0
            && method.getReturnType() != void.class
            && !Modifier.isStatic(method.getModifiers())) {
          return method;
        }
      }
    }
    return null;
  }

  private static MethodHandle unreflect(Method method) throws IllegalAccessException {
    method.setAccessible(true);
    return MethodHandles.lookup().unreflect(method);
  }

  private static Object invoke(MethodHandle handle, Object object) {
    try {
      return handle.invoke(object);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
