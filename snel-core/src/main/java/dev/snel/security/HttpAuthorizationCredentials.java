package dev.snel.security;

/**
 * An {@code Authorization} header split at its first space, as {@link HttpBearer} and {@link
 * HttpDigest} give it: FastAPI's {@code HTTPAuthorizationCredentials}.
 *
 * @param scheme the scheme as the client wrote it, e.g. {@code Bearer} or {@code bearer}
 * @param credentials what follows the scheme, without surrounding whitespace
 */
public record HttpAuthorizationCredentials(String scheme, String credentials) {}
