package dev.snel.internal.routing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
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
    Comparator<Method> order =
        Comparator.<Method>comparingInt(m -> positions.getOrDefault(key(m), Integer.MAX_VALUE))
            .thenComparing(Method::getName)
            .thenComparing(DeclarationOrder::descriptor);
    return Arrays.stream(type.getDeclaredMethods()).sorted(order).toList();
  }

  private static String key(Method method) {
    return method.getName() + descriptor(method);
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
