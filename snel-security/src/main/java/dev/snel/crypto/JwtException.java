package dev.snel.crypto;

/**
 * A token that {@link Jwt#verify} refused, with the {@link #reason() reason}.
 *
 * <p>The message names the reason and is meant for logs. Do not send it to the client: answer every
 * refused token the same way, as FastAPI's tutorial does, with {@code 401 Could not validate
 * credentials} and {@code WWW-Authenticate: Bearer}.
 */
public final class JwtException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a token was refused. */
  public enum Reason {
    /**
     * Not a signed compact JWT (three base64url parts), its header or claims are not JSON, or a
     * registered claim has the wrong type ({@code exp} that is not a number...).
     */
    MALFORMED,
    /** The header's {@code alg} is {@code none}, or not the algorithm pinned to the key. */
    WRONG_ALGORITHM,
    /** The signature does not match the header and claims under the key. */
    BAD_SIGNATURE,
    /** {@code exp} is past, allowing for the clock skew. */
    EXPIRED,
    /** {@code nbf} or {@code iat} is in the future, allowing for the clock skew. */
    NOT_YET_VALID,
    /** {@code iss} is not the configured issuer. */
    WRONG_ISSUER,
    /** {@code aud} does not contain the configured audience. */
    WRONG_AUDIENCE,
    /** A claim that every token must have ({@code sub}, {@code exp}) is missing. */
    MISSING_CLAIM
  }

  private final Reason reason;

  /**
   * A refused token.
   *
   * @param reason why it was refused
   * @param message what exactly was wrong, for logs
   */
  public JwtException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  /** Why the token was refused. */
  public Reason reason() {
    return reason;
  }
}
