package dev.snel.internal.routing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A class's declared methods in the order of its class file, which for javac (and kotlinc) is the
 * order of the source. {@link Class#getDeclaredMethods} has no specified order and differs between
 * JVMs and runs; the routes, and the OpenAPI document users keep in version control, follow the
 * source instead, as FastAPI's follow the order its decorators run in.
 *
 * <p>The class file is read with ASM ({@code java.lang.classfile} is final only from Java 24).
 * Methods the file does not list (a class without a readable class file, such as a hidden class, or
 * one changed by an agent) come last, by name and descriptor, so the order is still the same every
 * run.
 */
public final class DeclarationOrder {
  private DeclarationOrder() {}

  /** The class's declared methods, in declaration order. */
  public static List<Method> methods(Class<?> type) {
    Map<String, Integer> positions = positions(type);
    List<Entry> entries = new ArrayList<>();
    for (Method method : type.getDeclaredMethods()) {
      String descriptor = descriptor(method);
      int position = positions.getOrDefault(method.getName() + descriptor, Integer.MAX_VALUE);
      entries.add(new Entry(method, position, descriptor));
    }
    Collections.sort(entries);
    Method[] methods = new Method[entries.size()];
    for (int i = 0; i < methods.length; i++) {
      methods[i] = entries.get(i).method();
    }
    return List.of(methods);
  }

  /**
   * A method and what orders it: its position in the class file, then its name and descriptor. Each
   * descriptor is made once, not at each comparison; and a plain {@code compareTo} spares the start
   * of an app the classes that {@code Comparator}'s combinators spin at run time.
   */
  private record Entry(Method method, int position, String descriptor)
      implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byPosition = Integer.compare(position, other.position);
      if (byPosition != 0) {
        return byPosition;
      }
      int byName = method.getName().compareTo(other.method.getName());
      return byName != 0 ? byName : descriptor.compareTo(other.descriptor);
    }
  }

  private static String descriptor(Method method) {
    return MethodType.methodType(method.getReturnType(), method.getParameterTypes())
        .toMethodDescriptorString();
  }

  /**
   * Each method's position in the class file, by name and descriptor; empty if it cannot be read.
   */
  private static Map<String, Integer> positions(Class<?> type) {
    if (type.isHidden()) {
      return Map.of();
    }
    String resource = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      if (in == null) {
        return Map.of();
      }
      Map<String, Integer> positions = new HashMap<>();
      new ClassReader(in)
          .accept(
              new ClassVisitor(Opcodes.ASM9) {
                @Override
                public @Nullable MethodVisitor visitMethod(
                    int access,
                    String name,
                    String descriptor,
                    String signature,
                    String[] exceptions) {
                  positions.putIfAbsent(name + descriptor, positions.size());
                  return null;
                }
              },
              ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      return positions;
    } catch (IOException | RuntimeException unreadable) {
      return Map.of();
    }
  }
}
