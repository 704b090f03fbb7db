package dev.snel.internal.values;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code str.split()} with no separator: runs of whitespace split, ends are trimmed. */
public final class Whitespace {
  private Whitespace() {}

  /** The words of the text. */
  public static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); i++) {
      if (isSpace(text.charAt(i))) {
        if (start >= 0) {
          words.add(text.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) {
      words.add(text.substring(start));
    }
    return List.copyOf(words);
  }

  /** Python's str.isspace for one character: Java's whitespace, the space separators, NEL. */
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
