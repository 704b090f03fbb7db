package dev.snel.internal.middleware;

import dev.snel.Response;
import java.util.Locale;

/** How the built-in middleware changes a response it got from the app: always on a copy. */
public final class Edits {
  private Edits() {}

  /**
   * A copy of the response to change: a handler may return one shared response every time, so
   * middleware never changes the one it got. The copy still runs the work the original carries once
   * written (Starlette's {@code Response(background=...)}).
   */
  public static Response copy(Response response) {
    return response.copy().afterWritten(response::written);
  }

  /**
   * Adds a value to the {@code Vary} header (Starlette's {@code add_vary_header}), once: a response
   * that already varies by it is left as it is.
   */
  public static void addVary(Response response, String value) {
    String existing = response.headers().first("vary").orElse(null);
    if (existing == null || existing.isBlank()) {
      response.header("vary", value);
      return;
    }
    String wanted = value.toLowerCase(Locale.ROOT);
    for (String part : existing.split(",")) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      if (name.equals(wanted) || name.equals("*")) {
        return;
      }
    }
    response.header("vary", existing + ", " + value);
  }

  /**
   * The host of a {@code Host} header value without its port ({@code [::1]:80} gives {@code
   * [::1]}).
   */
  public static String hostname(String host) {
    int colon = host.lastIndexOf(':');
    return colon < 0 || host.lastIndexOf(']') > colon ? host : host.substring(0, colon);
  }

  /** The port of a {@code Host} header value, or -1 for none. */
  public static int port(String host) {
    String name = hostname(host);
    if (name.length() == host.length()) {
      return -1;
    }
    try {
      return Integer.parseInt(host.substring(name.length() + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
