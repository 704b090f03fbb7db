package dev.snel.crypto;

/**
 * The signature algorithm pinned to a {@link Jwt}'s key. A token whose header names any other
 * algorithm, {@code none} included, is refused before its signature is looked at.
 */
public enum JwtAlgorithm {
  /** HMAC with SHA-256, one shared secret of at least 256 bits. */
  HS256,
  /** RSASSA-PKCS1-v1_5 with SHA-256, an RSA key of at least 2048 bits. */
  RS256,
  /** ECDSA on the P-256 curve with SHA-256. */
  ES256
}
