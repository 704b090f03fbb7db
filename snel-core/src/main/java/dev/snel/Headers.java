package dev.snel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An ordered, case-insensitive multimap of HTTP header names to values.
 *
 * <p>Names are stored in lower case, as HTTP/2 and ASGI servers present them. Instances are
 * mutable and not thread-safe; a request's headers are not modified after it is built.
 */
public final class Headers {
  private final ArrayList<String> names;
  private final ArrayList<String> values;

  private Headers(int capacity) {
    names = new ArrayList<>(capacity);
    values = new ArrayList<>(capacity);
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

  /** Adds a value, keeping values already present under the name. */
  public Headers add(String name, String value) {
    names.add(name.toLowerCase(Locale.ROOT));
    values.add(value);
    return this;
  }

  /** Replaces every value of the name with this one. */
  public Headers set(String name, String value) {
    remove(name);
    return add(name, value);
  }

  /** Removes every value of the name. */
  public Headers remove(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    for (int i = names.size() - 1; i >= 0; i--) {
      if (names.get(i).equals(key)) {
        names.remove(i);
        values.remove(i);
      }
    }
    return this;
  }

  /** The first value of the name, if any. */
  public Optional<String> first(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals(key)) {
        return Optional.of(values.get(i));
      }
    }
    return Optional.empty();
  }

  /** Every value of the name, in order; empty if none. */
  public List<String> all(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>(1);
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals(key)) {
        found.add(values.get(i));
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
    return Collections.unmodifiableSet(new LinkedHashSet<>(names));
  }

  /** Calls the action for every name and value, in order. */
  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < names.size(); i++) {
      action.accept(names.get(i), values.get(i));
    }
  }

  /** The number of name/value pairs. */
  public int size() {
    return names.size();
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
