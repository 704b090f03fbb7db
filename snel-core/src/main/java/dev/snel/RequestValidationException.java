package dev.snel;

import java.util.List;

/**
 * The request did not validate: every failure of the request (path, query, headers, cookies, body)
 * together. Answered with 422 {@code {"detail": [...]}} by default, like FastAPI's {@code
 * RequestValidationError}; register a handler for this type to answer differently.
 */
public class RequestValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ValidationError> errors;

  /** A failure made of these errors, in the order they were found. */
  public RequestValidationException(List<ValidationError> errors) {
    super(errors.size() + " validation error(s): " + errors, null, false, false);
    this.errors = List.copyOf(errors);
  }

  /** The errors, in the order they were found. */
  public List<ValidationError> errors() {
    return errors;
  }
}
