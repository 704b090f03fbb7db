package dev.snel.internal.schema;

import dev.snel.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Word-level name conversions: JSON names by naming policy, and pydantic-style titles. */
public final class Names {
  private Names() {}

  /** {@code createdAt}, {@code created_at} -> {@code [created, at]}. */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean hump =
          Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(name.charAt(i - 1));
      if (c == '_' || c == '-' || c == ' ' || hump) {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word.setLength(0);
        }
        if (c == '_' || c == '-' || c == ' ') {
          continue;
        }
      }
      word.append(Character.toLowerCase(c));
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  static String apply(Model.Naming naming, String javaName) {
    return switch (naming) {
      case AS_DECLARED -> javaName;
      case SNAKE_CASE -> String.join("_", words(javaName));
      case CAMEL_CASE -> {
        List<String> words = words(javaName);
        StringBuilder camel = new StringBuilder(words.isEmpty() ? "" : words.get(0));
        for (String w : words.subList(Math.min(1, words.size()), words.size())) {
          camel.append(capitalize(w));
        }
        yield camel.toString();
      }
    };
  }

  /**
   * pydantic's title: underscores become spaces and each word is capitalized, like Python's {@code
   * str.title()} ({@code item_id} is "Item Id", {@code user-agent} "User-Agent"). Snel also splits
   * Java's camel case ({@code createdAt} is "Created At"), where Python would write "Createdat".
   */
  public static String title(String name) {
    String spaced = name.replace('_', ' ');
    StringBuilder camel = new StringBuilder();
    for (int i = 0; i < spaced.length(); i++) {
      char c = spaced.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(spaced.charAt(i - 1))) {
        camel.append(' ');
      }
      camel.append(c);
    }
    StringBuilder title = new StringBuilder(camel.length());
    boolean startOfWord = true;
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      title.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
      startOfWord = !Character.isLetter(c);
    }
    return title.toString();
  }

  /** {@code readItem} and {@code read_item} are {@code read_item}. */
  public static String snake(String name) {
    return String.join("_", words(name));
  }

  private static String capitalize(String word) {
    return word.isEmpty()
        ? word
        : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
