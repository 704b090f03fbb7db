package dev.snel.internal.routing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A class's declared methods in the order of its class file, which for javac (and kotlinc) is
 * the order of the source. {@link Class#getDeclaredMethods} has no specified order and differs
 * between JVMs and runs; the routes, and the OpenAPI document users keep in version control,
 * follow the source instead, as FastAPI's follow the order its decorators run in.
 *
 * <p>The class file is read with a few lines rather than a bytecode library: only the method
 * table is needed, and {@code java.lang.classfile} is final only from Java 24. Methods the file
 * does not list (a class without a readable class file, such as a hidden class, or one changed
 * by an agent) come last, by name and descriptor, so the order is still the same every run.
 */
final class DeclarationOrder {
  private static final int MAGIC = 0xCAFEBABE;

  private DeclarationOrder() {}

  /** The class's declared methods, in declaration order. */
  static List<Method> methods(Class<?> type) {
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
    return MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
  }

  /** Each method's position in the class file, by name and descriptor; empty if it cannot be read. */
  private static Map<String, Integer> positions(Class<?> type) {
    if (type.isHidden()) {
      return Map.of();
    }
    String resource = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      return in == null ? Map.of() : read(new DataInputStream(in));
    } catch (IOException | RuntimeException unreadable) {
      return Map.of();
    }
  }

  /** Reads the method table, skipping what comes before it (JVMS chapter 4.1). */
  private static Map<String, Integer> read(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      return Map.of();
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    String[] utf8 = constantPool(in);
    in.readUnsignedShort(); // access flags
    in.readUnsignedShort(); // this class
    in.readUnsignedShort(); // superclass
    skip(in, 2 * in.readUnsignedShort()); // interfaces
    int fields = in.readUnsignedShort();
    for (int i = 0; i < fields; i++) {
      skipMember(in);
    }
    int methods = in.readUnsignedShort();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < methods; i++) {
      in.readUnsignedShort(); // access flags
      String name = utf8[in.readUnsignedShort()];
      String descriptor = utf8[in.readUnsignedShort()];
      skipAttributes(in);
      positions.putIfAbsent(name + descriptor, i);
    }
    return positions;
  }

  /** The constant pool's UTF-8 entries by index; the other entries are skipped. */
  private static String[] constantPool(DataInputStream in) throws IOException {
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF(); // the class file's modified UTF-8 is DataInput's
        case 7, 8, 16, 19, 20 -> skip(in, 2); // Class, String, MethodType, Module, Package
        case 15 -> skip(in, 3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(in, 4); // Integer, Float, refs, NameAndType, dynamic
        case 5, 6 -> { // Long and Double take two entries
          skip(in, 8);
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    return utf8;
  }

  private static void skipMember(DataInputStream in) throws IOException {
    skip(in, 6); // access flags, name, descriptor
    skipAttributes(in);
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int i = 0; i < attributes; i++) {
      in.readUnsignedShort(); // name
      skip(in, Integer.toUnsignedLong(in.readInt()));
    }
  }

  private static void skip(DataInputStream in, long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        in.readByte(); // throws at the end of the stream
        skipped = 1;
      }
      left -= skipped;
    }
  }
}
