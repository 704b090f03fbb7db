package dev.snel;

import java.util.List;

/**
 * A handler returned data that does not fit its response model, like FastAPI's {@code
 * ResponseValidationError}: a bug in the server, so the client gets 500 and the log gets these
 * errors (the handler of {@code Throwable} answers it unless one is registered for this type).
 */
public class ResponseValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ValidationError> errors;

  /** A failure made of these errors. */
  public ResponseValidationException(List<ValidationError> errors) {
    super(errors.size() + " response validation error(s): " + errors);
    this.errors = List.copyOf(errors);
  }

  /** The errors, locations starting with "response". */
  public List<ValidationError> errors() {
    return errors;
  }
}
