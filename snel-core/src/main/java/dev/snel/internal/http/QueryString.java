package dev.snel.internal.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code a=1&b=2&a=3} into an ordered multimap, keeping blank values like Starlette. One
 * pass over the text: each {@code =} is searched for within its own field only.
 */
public final class QueryString {
  private QueryString() {}

  /** Starlette's FormParser limits: at most this many fields... */
  public static final int MAX_FORM_FIELDS = 1000;

  /** ...of at most this many characters each, name and value together (1 MB). */
  public static final int MAX_FORM_FIELD_SIZE = 1024 * 1024;

  /** A form over Starlette's limits; the message is Starlette's 400 detail. */
  public static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message, null, false, false);
    }
  }

  /** The decoded parameters; names map to their values in order. */
  public static Map<String, List<String>> parse(String raw) {
    return parse(raw, Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  /**
   * A form body ({@code application/x-www-form-urlencoded}) as Starlette reads it: the bytes as
   * Latin-1 text, then each name and value percent-decoded as UTF-8.
   *
   * @throws TooLarge past {@link #MAX_FORM_FIELDS} or {@link #MAX_FORM_FIELD_SIZE}
   */
  public static Map<String, List<String>> parseForm(byte[] body) {
    return parse(
        new String(body, java.nio.charset.StandardCharsets.ISO_8859_1),
        MAX_FORM_FIELDS,
        MAX_FORM_FIELD_SIZE);
  }

  private static Map<String, List<String>> parse(String raw, int maxFields, int maxFieldSize) {
    if (raw.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    int fields = 0;
    int start = 0;
    while (start <= raw.length()) {
      int end = raw.indexOf('&', start);
      if (end < 0) {
        end = raw.length();
      }
      if (end > start) {
        int eq = raw.indexOf('=', start, end);
        String name;
        String value;
        if (eq < 0) {
          name = raw.substring(start, end);
          value = "";
        } else {
          name = raw.substring(start, eq);
          value = raw.substring(eq + 1, end);
        }
        if (name.length() + value.length() > maxFieldSize) {
          throw new TooLarge("Field exceeded maximum size of " + maxFieldSize / 1024 + "KB.");
        }
        if (++fields > maxFields) {
          throw new TooLarge("Too many fields. Maximum number of fields is " + maxFields + ".");
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
