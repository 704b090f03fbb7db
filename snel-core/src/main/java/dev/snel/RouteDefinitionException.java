package dev.snel;

/**
 * A route cannot be compiled: a developer mistake found at startup, such as a path parameter
 * without a matching method parameter or a parameter type Snel cannot read. The message names the
 * method and the parameter.
 */
public class RouteDefinitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with a message naming the method and parameter. */
  public RouteDefinitionException(String message) {
    super(message);
  }

  /** A failure with a message and its cause. */
  public RouteDefinitionException(String message, Throwable cause) {
    super(message, cause);
  }
}
