package dev.snel.internal.schema;

import dev.snel.ValidationError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The state of encoding one response through its schema: the route's output options and the
 * response-validation errors found (a value that does not fit the response model). Used by one
 * thread.
 */
public final class Encoding {
  /**
   * FastAPI's response_model_* options.
   *
   * @param excludeNone leave out members whose value is null (or an empty Optional)
   * @param excludeDefaults leave out members equal to their declared default
   * @param excludeUnset leave out members the object did not set: null, empty Optional, or equal to
   *     the declared default
   * @param include only these top-level members, when not empty
   * @param exclude never these top-level members
   */
  public record Options(
      boolean excludeNone,
      boolean excludeDefaults,
      boolean excludeUnset,
      Set<String> include,
      Set<String> exclude) {

    /** Everything, as declared. */
    public static final Options ALL = new Options(false, false, false, Set.of(), Set.of());
  }

  private final Options options;
  private Object[] path = new Object[8];
  private int depth;
  private @Nullable List<ValidationError> errors;

  /** Starts encoding a response with these options. */
  public Encoding(Options options) {
    this.options = options;
    push("response");
  }

  Options options() {
    return options;
  }

  /** Whether the current object is the top-level one (include/exclude apply there). */
  boolean atTop() {
    return depth == 1;
  }

  void push(Object segment) {
    if (depth == path.length) {
      path = Arrays.copyOf(path, depth * 2);
    }
    path[depth++] = segment;
  }

  void pop() {
    depth--;
  }

  /** Records that a value does not fit the response model. */
  void fail(String type, String msg, @Nullable Object input) {
    if (errors == null) {
      errors = new ArrayList<>(2);
    }
    errors.add(
        new ValidationError(type, List.of(Arrays.copyOf(path, depth)), msg, input, Map.of()));
  }

  /** The response-validation errors; empty if the value fitted. */
  public List<ValidationError> errors() {
    return errors == null ? List.of() : errors;
  }
}
