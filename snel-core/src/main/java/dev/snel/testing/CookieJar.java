package dev.snel.testing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The cookies a {@link TestClient} keeps between requests, as httpx's client jar does for
 * Starlette's test client: set by hand, or by the app's {@code Set-Cookie} headers (a cookie with
 * {@code Max-Age=0} or a past {@code Expires} is removed), and sent back on the requests whose path
 * is under the cookie's {@code Path}. A {@code Secure} cookie goes only to an {@code https} server,
 * so never in-process (the base URL is {@code http://testserver}, as in Starlette). The domain is
 * not checked: a client talks to one server.
 *
 * <p>Thread-safe: every method locks the jar.
 */
final class CookieJar {
  private record Stored(String value, String path, boolean secure) {}

  // keyed by name and path, as a browser keeps two cookies of one name under different paths
  private final Map<String, Stored> cookies = new LinkedHashMap<>();

  synchronized void set(String name, String value) {
    cookies.put(key(name, "/"), new Stored(value, "/", false));
  }

  synchronized void remove(String name) {
    cookies.keySet().removeIf(key -> nameOf(key).equals(name));
  }

  synchronized void clear() {
    cookies.clear();
  }

  /** Name to value, the later of two cookies of one name winning. */
  synchronized Map<String, String> snapshot() {
    Map<String, String> values = new LinkedHashMap<>();
    cookies.forEach((key, stored) -> values.put(nameOf(key), stored.value()));
    return values;
  }

  /**
   * The {@code Cookie} header for a request, with the request's own cookies over the jar's; empty
   * if none.
   */
  synchronized String header(String path, boolean https, Map<String, String> own) {
    Map<String, String> sent = new LinkedHashMap<>();
    cookies.forEach(
        (key, stored) -> {
          if ((!stored.secure() || https) && pathMatches(path, stored.path())) {
            sent.put(nameOf(key), stored.value());
          }
        });
    sent.putAll(own);
    StringJoiner header = new StringJoiner("; ");
    sent.forEach((name, value) -> header.add(name + "=" + value));
    return header.toString();
  }

  /** Takes in the response's {@code Set-Cookie} headers for a request to the path. */
  synchronized void update(String requestPath, List<String> setCookies) {
    for (String line : setCookies) {
      String[] parts = line.split(";");
      int equals = parts[0].indexOf('=');
      if (equals <= 0) {
        continue; // a nameless cookie: browsers and httpx's jar ignore it too
      }
      String name = parts[0].substring(0, equals).strip();
      String value = parts[0].substring(equals + 1).strip();
      String path = defaultPath(requestPath);
      boolean secure = false;
      boolean expired = false;
      boolean maxAgeSeen = false;
      for (int i = 1; i < parts.length; i++) {
        String attribute = parts[i].strip();
        int eq = attribute.indexOf('=');
        String key =
            (eq < 0 ? attribute : attribute.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
        String argument = eq < 0 ? "" : attribute.substring(eq + 1).strip();
        switch (key) {
          case "path" -> path = argument.startsWith("/") ? argument : defaultPath(requestPath);
          case "secure" -> secure = true;
          case "max-age" -> {
            maxAgeSeen = true;
            expired = maxAge(argument) <= 0;
          }
          case "expires" -> {
            if (!maxAgeSeen) {
              expired = expiresBeforeNow(argument);
            }
          }
          default -> {}
        }
      }
      if (expired) {
        cookies.remove(key(name, path));
      } else {
        cookies.put(key(name, path), new Stored(value, path, secure));
      }
    }
  }

  private static String key(String name, String path) {
    return name + "\n" + path;
  }

  private static String nameOf(String key) {
    return key.substring(0, key.indexOf('\n'));
  }

  private static long maxAge(String argument) {
    try {
      return Long.parseLong(argument);
    } catch (NumberFormatException e) {
      return 1; // an unreadable Max-Age is ignored (RFC 6265, 5.2.2)
    }
  }

  private static boolean expiresBeforeNow(String argument) {
    try {
      return ZonedDateTime.parse(argument, DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant()
          .isBefore(Instant.now());
    } catch (DateTimeException e) {
      return false;
    }
  }

  // RFC 6265, 5.1.4: the request path up to its last slash
  private static String defaultPath(String requestPath) {
    int slash = requestPath.lastIndexOf('/');
    return slash <= 0 ? "/" : requestPath.substring(0, slash);
  }

  private static boolean pathMatches(String requestPath, String cookiePath) {
    return requestPath.equals(cookiePath)
        || requestPath.startsWith(cookiePath)
            && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
  }
}
