package dev.snel.internal.security;

import dev.snel.Request;
import java.util.Locale;

/**
 * The request's {@code Authorization} header split as FastAPI's {@code
 * get_authorization_scheme_param} splits it: at the first space (not any whitespace), the scheme
 * kept as sent, the rest stripped of whitespace the way Python's {@code str.strip()} strips it.
 *
 * @param scheme what precedes the first space; the whole value if there is none; empty without a
 *     header
 * @param param what follows it, stripped; empty if nothing does
 */
record Authorization(String scheme, String param) {
  private static final Authorization NONE = new Authorization("", "");

  /** The first {@code Authorization} header of the request, split; both empty without one. */
  static Authorization of(Request request) {
    return request.header("authorization").map(Authorization::parse).orElse(NONE);
  }

  static Authorization parse(String value) {
    int space = value.indexOf(' ');
    if (space < 0) {
      return new Authorization(value, "");
    }
    return new Authorization(value.substring(0, space), pythonStrip(value.substring(space + 1)));
  }

  /** Whether the scheme is this one (given in lower case), compared as Python's {@code lower()}. */
  boolean is(String lowerCaseScheme) {
    return scheme.toLowerCase(Locale.ROOT).equals(lowerCaseScheme);
  }

  /** Python's {@code str.strip()}: its whitespace is not Java's (it includes NBSP and U+0085). */
  static String pythonStrip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isPythonSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isPythonSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** Python's {@code str.isspace()} for one character (no whitespace lies outside the BMP). */
  static boolean isPythonSpace(char c) {
    return (c >= '\t' && c <= '\r')
        || (c >= '\u001c' && c <= '\u001f')
        || c == ' '
        || c == '\u0085'
        || c == '\u00a0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200a')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202f'
        || c == '\u205f'
        || c == '\u3000';
  }
}
