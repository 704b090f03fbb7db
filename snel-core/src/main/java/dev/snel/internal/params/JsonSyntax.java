package dev.snel.internal.params;

import dev.snel.internal.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Describes why a text is not one JSON value the way Python's {@code json} module does, since
 * FastAPI reports that module's message and character position ({@code "Expecting value"} at 8).
 * Jackson finds the error and its position; only the wording is translated.
 */
final class JsonSyntax {
  private JsonSyntax() {}

  /** Where the text stops being JSON, and Python's words for why. */
  record Problem(long position, String error) {}

  static Problem diagnose(String text) {
    try (JsonParser parser = Json.mapper().createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new Problem(text.length(), "Expecting value");
      }
      if (first == JsonToken.VALUE_STRING) {
        parser.getString();
      }
      parser.skipChildren();
      int end = (int) parser.currentLocation().getCharOffset();
      while (end < text.length() && " \t\n\r".indexOf(text.charAt(end)) >= 0) {
        end++;
      }
      return end < text.length()
          ? new Problem(end, "Extra data")
          : new Problem(0, "Expecting value");
    } catch (JacksonException e) {
      long at = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getCharOffset());
      String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      if (e instanceof StreamConstraintsException limit && isNestingLimit(limit)) {
        return new Problem(at, "Nesting depth exceeds the maximum of " + Json.MAX_NESTING_DEPTH);
      }
      if (message.contains("end-of-input") && !message.contains("closing quote")) {
        boolean inObject =
            e.processor() instanceof JsonParser p && p.streamReadContext().inObject();
        return new Problem(text.length(), atEnd(text, inObject));
      }
      return new Problem(at, pythonWording(message));
    }
  }

  /** Whether Jackson refused the document for its depth (and not, say, a number's length). */
  static boolean isNestingLimit(StreamConstraintsException e) {
    String message = e.getOriginalMessage();
    return message != null && message.contains("nesting depth");
  }

  /** What Python's decoder expected when the text ended, judged by its last character. */
  private static String atEnd(String text, boolean inObject) {
    String trimmed = text.stripTrailing();
    char last = trimmed.isEmpty() ? ' ' : trimmed.charAt(trimmed.length() - 1);
    return switch (last) {
      case '{' -> "Expecting property name enclosed in double quotes";
      case ',' ->
          inObject ? "Expecting property name enclosed in double quotes" : "Expecting value";
      case '[', ':', ' ' -> "Expecting value";
      default -> "Expecting ',' delimiter";
    };
  }

  private static String pythonWording(String jacksonMessage) {
    String message = jacksonMessage == null ? "" : jacksonMessage;
    if (message.contains("was expecting double-quote to start property name")) {
      return "Expecting property name enclosed in double quotes";
    }
    if (message.contains("was expecting comma")) {
      return "Expecting ',' delimiter";
    }
    if (message.contains("was expecting a colon")) {
      return "Expecting ':' delimiter";
    }
    if (message.contains("was expecting closing quote")) {
      return "Unterminated string starting at";
    }
    return "Expecting value";
  }
}
