package dev.snel.internal.schema;

import dev.snel.ValidationError;
import dev.snel.internal.json.Json;
import dev.snel.internal.values.ConversionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The state of decoding one JSON document through compiled schemas: where in the document we are
 * (the error location) and the errors found. Collects every error instead of stopping at the first.
 * Used by one thread.
 */
public final class Decoding {
  /** Returned by a schema that recorded an error instead of producing a value. */
  public static final Object INVALID =
      new Object() {
        @Override
        public String toString() {
          return "INVALID";
        }
      };

  /** Whether a schema returned {@link #INVALID}. */
  // Error Prone's ReferenceEquality: a sentinel is recognised by identity, never by equals
  @SuppressWarnings("ReferenceEquality")
  public static boolean invalid(@Nullable Object value) {
    return value == INVALID;
  }

  private final byte @Nullable [] source;
  private Object[] path = new Object[16];
  private int depth;
  private @Nullable List<ValidationError> errors;

  /**
   * Starts decoding a document.
   *
   * @param source the document's bytes, to show the input of an object with errors; may be null
   * @param root the location of the document, e.g. {@code ["body"]}
   */
  public Decoding(byte @Nullable [] source, List<Object> root) {
    this.source = source;
    for (Object segment : root) {
      push(segment);
    }
  }

  /** Enters a member or an item. */
  public void push(Object segment) {
    if (depth == path.length) {
      path = Arrays.copyOf(path, depth * 2);
    }
    path[depth++] = segment;
  }

  /** Leaves the member or item entered last. */
  public void pop() {
    depth--;
  }

  /** The errors so far; empty if none. */
  public List<ValidationError> errors() {
    return errors == null ? List.of() : errors;
  }

  /** How many errors so far, to tell whether a part of the document added any. */
  public int errorCount() {
    return errors == null ? 0 : errors.size();
  }

  /** How deep the current location is. */
  int depth() {
    return depth;
  }

  /**
   * Puts the errors recorded since {@code from} in the order of the rank of their location's
   * segment at {@code depth} (stable), so an object's errors follow its fields' order, as pydantic
   * reports them, not the order of the input's members.
   */
  void reorder(int from, int depth, java.util.function.ToIntFunction<Object> rank) {
    if (errors == null || errors.size() - from < 2) {
      return;
    }
    List<ValidationError> tail = new ArrayList<>(errors.subList(from, errors.size()));
    tail.sort(
        java.util.Comparator.comparingInt(
            e -> e.loc().size() > depth ? rank.applyAsInt(e.loc().get(depth)) : -1));
    for (int i = 0; i < tail.size(); i++) {
      errors.set(from + i, tail.get(i));
    }
  }

  /** Records an error at the current location. */
  public Object fail(String type, String msg, @Nullable Object input, Map<String, Object> ctx) {
    if (errors == null) {
      errors = new ArrayList<>(2);
    }
    errors.add(new ValidationError(type, List.of(Arrays.copyOf(path, depth)), msg, input, ctx));
    return INVALID;
  }

  /** Records a conversion or check failure at the current location. */
  public Object fail(ConversionException e, @Nullable Object input) {
    return fail(e.type(), e.getMessage(), input, e.ctx());
  }

  /**
   * Records an error for the value at the parser's current token, with that value as the input, and
   * moves past it.
   */
  public Object failHere(JsonParser parser, String type, String msg) {
    return fail(type, msg, readInput(parser), Map.of());
  }

  /** The value at the current token as plain Java data (for an error's input), consumed. */
  public static @Nullable Object readInput(JsonParser parser) {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_STRING -> parser.getString();
      case VALUE_NUMBER_INT -> parser.getNumberValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> null;
      case START_OBJECT, START_ARRAY -> {
        JsonNode tree = parser.readValueAsTree();
        yield Json.mapper().convertValue(tree, Object.class);
      }
      default -> null;
    };
  }

  /**
   * The source bytes of the value that started at {@code startOffset} and ends at the parser's
   * current position; null when they are not known (no source, or a parser over a tree).
   */
  byte @Nullable [] slice(long startOffset, JsonParser parser) {
    long end = parser.currentLocation().getByteOffset();
    if (source == null || startOffset < 0 || end <= startOffset || end > source.length) {
      return null;
    }
    return Arrays.copyOfRange(source, (int) startOffset, (int) end);
  }

  /**
   * The input of the object or array that started at {@code startOffset} and ends at the parser's
   * current position, parsed from the source bytes only when an error needs it.
   */
  Object objectInput(long startOffset, JsonParser parser) {
    long end = parser.currentLocation().getByteOffset();
    if (source == null || startOffset < 0 || end <= startOffset || end > source.length) {
      return Map.of();
    }
    return Json.mapper()
        .readValue(source, (int) startOffset, (int) (end - startOffset), Object.class);
  }
}
