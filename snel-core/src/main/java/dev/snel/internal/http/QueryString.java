package dev.snel.internal.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code a=1&b=2&a=3} into an ordered multimap, keeping blank values like Starlette. */
public final class QueryString {
  private QueryString() {}

  /** The decoded parameters; names map to their values in order. */
  public static Map<String, List<String>> parse(String raw) {
    if (raw.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    int start = 0;
    while (start <= raw.length()) {
      int end = raw.indexOf('&', start);
      if (end < 0) {
        end = raw.length();
      }
      if (end > start) {
        int eq = raw.indexOf('=', start);
        String name;
        String value;
        if (eq < 0 || eq > end) {
          name = raw.substring(start, end);
          value = "";
        } else {
          name = raw.substring(start, eq);
          value = raw.substring(eq + 1, end);
        }
        params
            .computeIfAbsent(UriDecoding.decodeQueryComponent(name), k -> new ArrayList<>(1))
            .add(UriDecoding.decodeQueryComponent(value));
      }
      start = end + 1;
    }
    return Collections.unmodifiableMap(params);
  }
}
