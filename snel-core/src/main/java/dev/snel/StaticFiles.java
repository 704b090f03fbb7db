package dev.snel;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory of files served under a path prefix: Starlette's {@code StaticFiles}, mounted with
 * {@link Snel#mount(String, StaticFiles)}.
 *
 * <pre>{@code
 * app.mount("/static", StaticFiles.of(Path.of("static")));
 * // GET /static/css/site.css serves static/css/site.css
 * }</pre>
 *
 * <p>Each file is answered as {@link Response#file(Path)} answers: content type from its name,
 * {@code ETag} and {@code Last-Modified}, 304 for a current copy, {@code Range} requests. Only GET
 * and HEAD are allowed (405 otherwise); a path that is no file is a 404 {@code {"detail":"Not
 * Found"}}, as FastAPI answers. A path never leaves the directory: {@code ..} segments (encoded or
 * not) that climb out of it, backslashes and NUL characters are a 404, and so is a symbolic link
 * leading out of the directory, unless {@link #followSymlinks(boolean)} allows it.
 *
 * <p>Mounts are not listed in the OpenAPI document, as in FastAPI. Routes of the app win over a
 * mount for the paths they declare.
 */
public final class StaticFiles {
  private final Path directory;
  private boolean html;
  private boolean followSymlinks;

  private StaticFiles(Path directory) {
    this.directory = directory;
  }

  /**
   * Serves the files under this directory (relative paths are resolved against the working
   * directory now). Fails if it is not a directory, as Starlette's {@code check_dir}.
   */
  public static StaticFiles of(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new IllegalArgumentException("Directory '" + directory + "' does not exist");
    }
    return new StaticFiles(absolute);
  }

  /**
   * HTML mode (Starlette's {@code html=True}), off by default: a directory's path serves its {@code
   * index.html} (redirecting {@code /docs} to {@code /docs/} first, so relative links work), and a
   * missing file serves the top directory's {@code 404.html}, if there is one, with status 404.
   */
  public StaticFiles html(boolean html) {
    this.html = html;
    return this;
  }

  /**
   * Whether a symbolic link inside the directory may lead to a file outside it (Starlette's {@code
   * follow_symlink}); off by default, so a link out of the directory is a 404.
   */
  public StaticFiles followSymlinks(boolean follow) {
    this.followSymlinks = follow;
    return this;
  }

  Path directory() {
    return directory;
  }

  boolean html() {
    return html;
  }

  boolean followSymlinks() {
    return followSymlinks;
  }
}
