package dev.snel.internal.params;

import org.jspecify.annotations.Nullable;

/**
 * Finds a {@code \\u} escape of a lone UTF-16 surrogate in a JSON text ({@code "\\ud800"}). Jackson
 * decodes one into a Java string that no longer is Unicode text; pydantic's JSON parser refuses it,
 * with the words used here. (Python's json module takes it, so FastAPI has no answer of its own to
 * copy.)
 */
final class JsonSurrogates {
  private JsonSurrogates() {}

  /** Where the bad escape starts (a byte offset) and why it is bad. */
  record Lone(int offset, String error) {}

  /**
   * The first lone surrogate escape, or null. A backslash in valid JSON always starts an escape
   * inside a string, so the bytes are read escape by escape without tracking strings; a body that
   * is not valid JSON fails in the parser anyway.
   */
  static @Nullable Lone find(byte[] json) {
    for (int i = 0; i < json.length; i++) {
      if (json[i] != '\\') {
        continue;
      }
      int unit = hexEscape(json, i);
      if (unit < 0xD800 || unit > 0xDFFF) {
        i++; // skip the escaped character, which may itself be a backslash
        continue;
      }
      if (unit >= 0xDC00) {
        return new Lone(i, "lone leading surrogate in hex escape");
      }
      int low = hexEscape(json, i + 6);
      if (low == -1) {
        return new Lone(i, "unexpected end of hex escape");
      }
      if (low < 0xDC00 || low > 0xDFFF) {
        return new Lone(i, "lone leading surrogate in hex escape");
      }
      i += 11;
    }
    return null;
  }

  /** The code unit of the {@code \\uXXXX} escape at i; -1 if there is none. */
  private static int hexEscape(byte[] json, int i) {
    if (i + 5 >= json.length || json[i] != '\\' || json[i + 1] != 'u') {
      return -1;
    }
    int unit = 0;
    for (int k = i + 2; k < i + 6; k++) {
      int digit = Character.digit(json[k], 16);
      if (digit < 0) {
        return -1;
      }
      unit = unit * 16 + digit;
    }
    return unit;
  }
}
