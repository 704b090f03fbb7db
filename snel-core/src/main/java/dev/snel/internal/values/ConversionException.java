package dev.snel.internal.values;

import java.util.Map;
import java.util.Objects;

/**
 * A value could not be converted or failed a check; carries pydantic's error type, message and
 * context. Thrown without a stack trace: it is an expected outcome, not a bug.
 */
public final class ConversionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final transient Map<String, Object> ctx;

  /** A failure of the given pydantic type and message. */
  public ConversionException(String type, String msg) {
    this(type, msg, Map.of());
  }

  /** A failure with context values. */
  public ConversionException(String type, String msg, Map<String, Object> ctx) {
    super(msg, null, false, false);
    this.type = type;
    this.ctx = ctx;
  }

  /** The message, never null: every constructor takes one. */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage());
  }

  /** The pydantic error type, e.g. {@code int_parsing}. */
  public String type() {
    return type;
  }

  /** The context values of the message. */
  public Map<String, Object> ctx() {
    return ctx;
  }
}
