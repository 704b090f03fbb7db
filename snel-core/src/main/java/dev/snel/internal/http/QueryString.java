package dev.snel.internal.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code a=1&b=2&a=3} into its fields in order, keeping blank values like Starlette. One
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
    return fields(raw).asMap();
  }

  /** The decoded fields, in order, for looking up a few names without building a map. */
  public static Fields fields(String raw) {
    return fields(raw, Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  /**
   * A form body ({@code application/x-www-form-urlencoded}) as Starlette reads it: the bytes as
   * Latin-1 text, then each name and value percent-decoded as UTF-8.
   *
   * @throws TooLarge past {@link #MAX_FORM_FIELDS} or {@link #MAX_FORM_FIELD_SIZE}
   */
  public static Map<String, List<String>> parseForm(byte[] body) {
    return fields(
            new String(body, java.nio.charset.StandardCharsets.ISO_8859_1),
            MAX_FORM_FIELDS,
            MAX_FORM_FIELD_SIZE)
        .asMap();
  }

  private static Fields fields(String raw, int maxFields, int maxFieldSize) {
    if (raw.isEmpty()) {
      return Fields.NONE;
    }
    // grown as fields are found: a run of '&' with nothing between costs no room
    String[] pairs = new String[4];
    int size = 0;
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
        if (size / 2 >= maxFields) {
          throw new TooLarge("Too many fields. Maximum number of fields is " + maxFields + ".");
        }
        if (size == pairs.length) {
          pairs = Arrays.copyOf(pairs, size * 2);
        }
        pairs[size++] = UriDecoding.decodeQueryComponent(name);
        pairs[size++] = UriDecoding.decodeQueryComponent(value);
      }
      start = end + 1;
    }
    return new Fields(pairs, size);
  }

  /**
   * Decoded name and value pairs in the order sent. Immutable, and safe to publish without a lock
   * (its fields are final).
   */
  public static final class Fields {
    static final Fields NONE = new Fields(new String[0], 0);

    private final String[] pairs;
    private final int size;

    private Fields(String[] pairs, int size) {
      this.pairs = pairs;
      this.size = size;
    }

    /** The last value of the name (FastAPI's choice for a single value), or null. */
    public @Nullable String last(String name) {
      for (int i = size - 2; i >= 0; i -= 2) {
        if (pairs[i].equals(name)) {
          return pairs[i + 1];
        }
      }
      return null;
    }

    /** Every value of the name, in order; empty if none. */
    public List<String> all(String name) {
      List<String> values = List.of();
      for (int i = 0; i < size; i += 2) {
        if (pairs[i].equals(name)) {
          if (values.isEmpty()) {
            values = new ArrayList<>(1);
          }
          values.add(pairs[i + 1]);
        }
      }
      return values;
    }

    /** The names mapped to their values, in order of first appearance; unmodifiable. */
    public Map<String, List<String>> asMap() {
      if (size == 0) {
        return Map.of();
      }
      Map<String, List<String>> map = new LinkedHashMap<>();
      for (int i = 0; i < size; i += 2) {
        map.computeIfAbsent(pairs[i], k -> new ArrayList<>(1)).add(pairs[i + 1]);
      }
      return Collections.unmodifiableMap(map);
    }
  }
}
