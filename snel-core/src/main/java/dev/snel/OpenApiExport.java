package dev.snel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Writes an app's OpenAPI document to a file without starting a server, for client generators and
 * for checking the document into version control. The app comes from a public static no-argument
 * method that returns the {@link Snel} app, the same one a test or {@code main} uses:
 *
 * <pre>{@code
 * java -cp <the app's classpath> dev.snel.OpenApiExport com.example.Main#app target/openapi.json
 * }</pre>
 *
 * <p>or, from code, {@code OpenApiExport.write(Main.app(), Path.of("openapi.json"))}. The file
 * holds exactly what {@code /openapi.json} serves (see {@link Snel#openApiJson()}), in the version
 * the app's {@link OpenApi} settings ask for.
 */
public final class OpenApiExport {
  private OpenApiExport() {}

  /**
   * Exports from the command line: {@code OpenApiExport FACTORY OUTPUT}, where FACTORY is {@code
   * com.example.Main#method}, or {@code com.example.Main} for its {@code app()} method. Exits with
   * status 2 and a usage line when the arguments are wrong.
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println(
          "usage: java dev.snel.OpenApiExport com.example.Main[#method] output.json");
      System.exit(2);
    }
    java.nio.file.Path output = java.nio.file.Path.of(args[1]);
    write(app(args[0]), output);
    System.out.println("OpenAPI document of " + args[0] + " written to " + output.toAbsolutePath());
  }

  /** Writes the app's document to the file, creating its directory if needed. */
  public static void write(Snel app, java.nio.file.Path file) {
    try {
      java.nio.file.Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, app.openApiJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the OpenAPI document to " + file, e);
    }
  }

  /**
   * The app a factory method returns: {@code com.example.Main#method}, or {@code com.example.Main}
   * for {@code Main.app()}. The method must be public, static, without parameters, and return a
   * {@link Snel}; otherwise this throws {@link IllegalArgumentException} saying which part is
   * wrong.
   */
  public static Snel app(String factory) {
    int hash = factory.indexOf('#');
    String className = hash < 0 ? factory : factory.substring(0, hash);
    String methodName = hash < 0 ? "app" : factory.substring(hash + 1);
    Method method;
    try {
      method =
          Class.forName(className, true, Thread.currentThread().getContextClassLoader())
              .getMethod(methodName);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no class " + className + " on the classpath", e);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          className + " has no public method " + methodName + "() without parameters", e);
    }
    if (!Modifier.isStatic(method.getModifiers())
        || !Snel.class.isAssignableFrom(method.getReturnType())) {
      throw new IllegalArgumentException(factory + " must be a static method returning a Snel app");
    }
    try {
      method.setAccessible(true); // the method is public; its class need not be
      return (Snel) method.invoke(null);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new IllegalArgumentException(factory + " cannot be called: " + e.getMessage(), e);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(factory + " failed", e.getCause());
    }
  }
}
