package dev.snel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One validation failure, in the format of FastAPI and pydantic v2:
 *
 * <pre>{@code
 * {"type":"int_parsing","loc":["path","item_id"],
 *  "msg":"Input should be a valid integer, unable to parse string as an integer","input":"foo"}
 * }</pre>
 *
 * @param type the machine-readable error type, pydantic's name for it (e.g. {@code missing})
 * @param loc where the bad input is: the source ({@code path}, {@code query}, {@code header},
 *     {@code cookie}, {@code body}) then names and list indexes
 * @param msg the human-readable message, pydantic's wording
 * @param input the input that failed, as received; JSON {@code null} when it was missing
 * @param ctx values the message was made from (e.g. {@code {"ge": 1}}); empty when none
 */
public record ValidationError(
    String type, List<Object> loc, String msg, @Nullable Object input, Map<String, Object> ctx) {

  /** Makes the lists and maps immutable; ctx keeps its order, as pydantic's does. */
  public ValidationError {
    loc = List.copyOf(loc);
    ctx = Collections.unmodifiableMap(new LinkedHashMap<>(ctx));
  }

  /** A failure without context values. */
  public ValidationError(String type, List<Object> loc, String msg, @Nullable Object input) {
    this(type, loc, msg, input, Map.of());
  }
}
