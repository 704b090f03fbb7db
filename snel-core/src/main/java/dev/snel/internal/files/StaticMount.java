package dev.snel.internal.files;

import dev.snel.HttpException;
import dev.snel.Request;
import dev.snel.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A directory served under a path prefix, as Starlette's {@code StaticFiles} in a {@code Mount}:
 * GET and HEAD of a file, HTML mode's {@code index.html} and {@code 404.html}, 404 for anything
 * else, and no way out of the directory.
 *
 * <p>Called on a request's virtual thread (it reads the file system). Immutable.
 */
public final class StaticMount {
  private static final Map<String, String> ALLOW = Map.of("allow", "GET, HEAD");

  private final String prefix;
  private final Path root;
  private final boolean html;
  private final boolean followSymlinks;

  /**
   * @param prefix the mount's path, e.g. {@code /static}; empty for the root
   * @param root the directory, absolute and normalized
   * @param html Starlette's {@code html} mode
   * @param followSymlinks Starlette's {@code follow_symlink}
   */
  public StaticMount(String prefix, Path root, boolean html, boolean followSymlinks) {
    this.prefix = prefix;
    this.root = root;
    this.html = html;
    this.followSymlinks = followSymlinks;
  }

  /** The answer, or null when the path is not under the prefix. */
  public @Nullable Response handle(Request request) {
    String path = request.path();
    if (!prefix.isEmpty() && path.equals(prefix)) {
      // Starlette's Router redirects /static to /static/, which the mount matches
      return Response.redirect(request.baseUrl() + request.rawPath() + "/" + query(request));
    }
    if (!path.startsWith(prefix + "/")) {
      return null;
    }
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      throw new HttpException(405, "Method Not Allowed", ALLOW);
    }
    String relative = path.substring(prefix.length() + 1);
    Found found = lookup(relative);
    if (found != null && found.attributes().isRegularFile()) {
      return fileAnswer(request, found, 200);
    }
    if (found != null && found.attributes().isDirectory() && html) {
      Found index = lookup(relative + "/index.html");
      if (index != null && index.attributes().isRegularFile()) {
        if (!path.endsWith("/")) {
          // relative links in the page resolve against the directory only with the slash
          return Response.redirect(request.baseUrl() + request.rawPath() + "/" + query(request));
        }
        return fileAnswer(request, index, 200);
      }
    }
    if (html) {
      Found notFoundPage = lookup("404.html");
      if (notFoundPage != null && notFoundPage.attributes().isRegularFile()) {
        return fileAnswer(request, notFoundPage, 404);
      }
    }
    throw new HttpException(404);
  }

  private static String query(Request request) {
    return request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
  }

  private static Response fileAnswer(Request request, Found found, int status) {
    Response made = Response.file(found.path()).status(status);
    return FileAnswers.answer(request, made, found.path(), found.attributes(), status != 200);
  }

  /** A file system entry inside the root. */
  private record Found(Path path, BasicFileAttributes attributes) {}

  /**
   * The entry at the relative path, or null if there is none inside the root. {@code ..} climbs as
   * Python's {@code normpath} does, but never above the root; a backslash or NUL in a segment is no
   * name we serve (on Windows a backslash is a separator, so a name with one is refused
   * everywhere). The found path is the real one (links resolved) and must lie in the root's real
   * path, unless links may be followed, when the path without links must lie in the root.
   */
  private @Nullable Found lookup(String relative) {
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return null;
        }
        segments.removeLast();
        continue;
      }
      if (segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
        return null;
      }
      segments.addLast(segment);
    }
    try {
      Path candidate = root.resolve(String.join("/", segments)).normalize();
      Path full;
      if (followSymlinks) {
        if (!candidate.startsWith(root)) {
          return null;
        }
        full = candidate;
      } else {
        full = candidate.toRealPath();
        if (!full.startsWith(root.toRealPath())) {
          return null;
        }
      }
      return new Found(full, Files.readAttributes(full, BasicFileAttributes.class));
    } catch (AccessDeniedException e) {
      throw new HttpException(401); // Starlette's answer to a PermissionError
    } catch (FileSystemException | InvalidPathException e) {
      // missing, a file used as a directory, a name too long or not one this system allows
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the file system failed: a 500, as Starlette's OSError
    }
  }
}
