package dev.snel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An ordered, case-insensitive multimap of HTTP header names to values.
 *
 * <p>Names are stored in lower case, as HTTP/2 and ASGI servers present them. Instances are mutable
 * and not thread-safe; a request's headers are not modified after it is built.
 */
public final class Headers {
  /** Names (lower case) at even indexes, each followed by its value. */
  private String[] entries;

  private int size;

  private Headers(int capacity) {
    entries = new String[Math.max(2, capacity * 2)];
  }

  /** An empty, mutable set of headers. */
  public static Headers create() {
    return new Headers(8);
  }

  /** Headers from alternating names and values: {@code Headers.of("x-a", "1", "x-b", "2")}. */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected name, value pairs");
    }
    Headers headers = new Headers(namesAndValues.length / 2);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  /**
   * Adds a value, keeping values already present under the name.
   *
   * @throws IllegalArgumentException if the name is not an HTTP token, or the value holds a control
   *     character (CR and LF above all: they would end the header and let the rest be read as more
   *     headers or a body) or a character that is not Latin-1
   */
  public Headers add(String name, String value) {
    checkName(name);
    checkValue(name, value);
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
    }
    entries[size++] = key(name);
    entries[size++] = value;
    return this;
  }

  /** The name as stored: in lower case. */
  private static String key(String name) {
    // a name already in lower case (as Snel's own are) needs no lookup: toLowerCase returns the
    // same string then
    if (!name.isEmpty() && name.charAt(0) >= 'A' && name.charAt(0) <= 'Z') {
      String common = COMMON_LOWER.get(name);
      if (common != null) {
        return common;
      }
    }
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * The lower case of names as clients usually spell them: a lookup instead of a lower-cased copy
   * for most of a request's headers.
   */
  private static final Map<String, String> COMMON_LOWER =
      lowerCases(
          "Accept",
          "Accept-Encoding",
          "Accept-Language",
          "Authorization",
          "Cache-Control",
          "Connection",
          "Content-Length",
          "Content-Type",
          "Cookie",
          "Host",
          "Origin",
          "Referer",
          "User-Agent");

  private static Map<String, String> lowerCases(String... names) {
    Map<String, String> lower = new HashMap<>();
    for (String name : names) {
      lower.put(name, name.toLowerCase(Locale.ROOT));
    }
    return Map.copyOf(lower);
  }

  private static void checkName(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty header name");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isTokenChar(c)) {
        throw new IllegalArgumentException("invalid character in header name " + quoted(name));
      }
    }
  }

  private static void checkValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
        throw new IllegalArgumentException(
            "invalid character U+"
                + String.format("%04X", (int) c)
                + " in the value of header "
                + quoted(name));
      }
    }
  }

  private static String quoted(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    StringBuilder out = new StringBuilder("\"");
    shown
        .codePoints()
        .forEach(
            c ->
                out.append(
                    c < 0x20 || c == 0x7F ? String.format("\\x%02x", c) : Character.toString(c)));
    return out.append('"').toString();
  }

  /** Whether the character may appear in a token (RFC 9110 §5.6.2 tchar), e.g. a header name. */
  static boolean isTokenChar(int c) {
    return c < 128 && TOKEN[c];
  }

  private static final boolean[] TOKEN = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TOKEN[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TOKEN[c] = true;
      TOKEN[Character.toUpperCase(c)] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TOKEN[c] = true;
    }
  }

  /** Replaces every value of the name with this one. */
  public Headers set(String name, String value) {
    remove(name);
    return add(name, value);
  }

  /** Removes every value of the name. */
  public Headers remove(String name) {
    String key = key(name);
    int kept = 0;
    for (int i = 0; i < size; i += 2) {
      if (!entries[i].equals(key)) {
        entries[kept++] = entries[i];
        entries[kept++] = entries[i + 1];
      }
    }
    Arrays.fill(entries, kept, size, null);
    size = kept;
    return this;
  }

  /** The first value of the name, if any. */
  public Optional<String> first(String name) {
    String key = key(name);
    for (int i = 0; i < size; i += 2) {
      if (entries[i].equals(key)) {
        return Optional.of(entries[i + 1]);
      }
    }
    return Optional.empty();
  }

  /** Every value of the name, in order; empty if none. */
  public List<String> all(String name) {
    String key = key(name);
    List<String> found = new ArrayList<>(1);
    for (int i = 0; i < size; i += 2) {
      if (entries[i].equals(key)) {
        found.add(entries[i + 1]);
      }
    }
    return found;
  }

  /** Whether the name has at least one value. */
  public boolean contains(String name) {
    return first(name).isPresent();
  }

  /** The distinct names, lower case, in order of first appearance. */
  public Set<String> names() {
    Set<String> distinct = new LinkedHashSet<>();
    for (int i = 0; i < size; i += 2) {
      distinct.add(entries[i]);
    }
    return Collections.unmodifiableSet(distinct);
  }

  /** Calls the action for every name and value, in order. */
  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < size; i += 2) {
      action.accept(entries[i], entries[i + 1]);
    }
  }

  /** The number of name/value pairs. */
  public int size() {
    return size / 2;
  }

  /** Adds every pair of the other headers to these. */
  public Headers addAll(Headers other) {
    other.forEach(this::add);
    return this;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    forEach((n, v) -> text.append(text.length() > 1 ? ", " : "").append(n).append(": ").append(v));
    return text.append('}').toString();
  }
}
