package dev.snel.internal.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code Cookie} request headers leniently, as browsers send them (RFC 6265 §5.4). */
public final class Cookies {
  private Cookies() {}

  /** Name to value; for a repeated name the last value wins, as in Starlette. */
  public static Map<String, String> parse(List<String> headerValues) {
    if (headerValues.isEmpty()) {
      return Map.of();
    }
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String header : headerValues) {
      for (String pair : header.split(";", -1)) {
        int eq = pair.indexOf('=');
        String name = (eq < 0 ? "" : pair.substring(0, eq)).strip();
        String value = (eq < 0 ? pair : pair.substring(eq + 1)).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        if (!name.isEmpty() || !value.isEmpty()) {
          cookies.put(name, value);
        }
      }
    }
    return cookies;
  }
}
