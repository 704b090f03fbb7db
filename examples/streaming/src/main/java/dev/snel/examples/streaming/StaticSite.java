package dev.snel.examples.streaming;

import dev.snel.Get;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.StaticFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The example's {@code static/} folder ({@code index.html} and {@code data.bin}, 256 KiB of fixed
 * bytes for Range requests), served at {@code /static/} in HTML mode, and {@code data.bin} as a
 * download at {@code /download/data.bin}.
 *
 * <p>The folder ships as a resource ({@code src/main/resources/static}), so the app finds it
 * whatever the working directory: on the class path as a directory when run from a build ({@code
 * examples/run streaming} runs {@code target/classes}), or inside a jar, from which it is copied to
 * a temporary directory at startup (files are served from a file system, by {@code sendfile}).
 * {@code STATIC_DIR} names another folder instead.
 */
public final class StaticSite {
  private final Path folder;

  StaticSite(Path folder) {
    this.folder = folder;
  }

  /** Mounts the folder at {@code /static} and adds the download route. */
  public static void addTo(Snel app) {
    Path folder = directory();
    app.mount("/static", StaticFiles.of(folder).html(true));
    app.include(new StaticSite(folder));
  }

  @Get("/download/data.bin")
  public Response download() {
    return Response.file(folder.resolve("data.bin"), null, "data.bin");
  }

  /** The folder served: {@code $STATIC_DIR}, else the {@code static} resource's folder. */
  static Path directory() {
    String configured = System.getenv("STATIC_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    URL index = StaticSite.class.getResource("/static/index.html");
    if (index == null) {
      throw new IllegalStateException("static/index.html is not on the class path");
    }
    try {
      return switch (index.getProtocol()) {
        case "file" -> Objects.requireNonNull(Path.of(index.toURI()).getParent());
        case "jar" -> extract(((JarURLConnection) index.openConnection()).getJarFileURL());
        default -> throw new IllegalStateException("cannot serve files from " + index);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies the jar's {@code static/} entries to a new temporary folder, removed at exit. */
  static Path extract(URL jar) throws IOException, URISyntaxException {
    Path target = Files.createTempDirectory("snel-static-");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target)));
    try (JarFile file = new JarFile(Path.of(jar.toURI()).toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (!entry.getName().startsWith("static/") || entry.isDirectory()) {
          continue;
        }
        Path out = target.resolve(entry.getName().substring("static/".length())).normalize();
        if (!out.startsWith(target)) {
          continue; // a hostile entry name ("static/../x") is not copied out of the folder
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, out);
        }
      }
    }
    return target;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind at exit is for the system to clean
    }
  }
}
