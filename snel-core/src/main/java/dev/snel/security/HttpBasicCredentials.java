package dev.snel.security;

/**
 * The username and password of an {@code Authorization: Basic} header, as {@link HttpBasic} gives
 * them: FastAPI's {@code HTTPBasicCredentials}. Either may be empty.
 *
 * @param username the text before the first colon
 * @param password the text after it
 */
public record HttpBasicCredentials(String username, String password) {
  /** Keeps the password out of logs. */
  @Override
  public String toString() {
    return "HttpBasicCredentials[username=" + username + ", password=***]";
  }
}
