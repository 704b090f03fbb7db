package dev.snel.crypto.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import dev.snel.crypto.JwtAlgorithm;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/** Turns key material into a signer and a verifier for exactly one algorithm. */
public final class JwtKeys {
  /** HS256 needs a key as long as its hash (RFC 7518, section 3.2). */
  static final int MIN_HMAC_BYTES = 32;

  static final int MIN_RSA_BITS = 2048;

  /** A key's pinned algorithm, its signer (absent for a public key alone) and its verifier. */
  public record Pair(JwtAlgorithm algorithm, Optional<JWSSigner> signer, JWSVerifier verifier) {}

  private JwtKeys() {}

  /** HS256 over a copy of {@code secret}. */
  public static Pair hmac(byte[] secret) {
    if (secret.length < MIN_HMAC_BYTES) {
      throw new IllegalArgumentException(
          "A JWT secret for HS256 must be at least "
              + MIN_HMAC_BYTES
              + " bytes (256 bits), this one has "
              + secret.length
              + ". Make one with `openssl rand -hex 32` and pass it through configuration.");
    }
    byte[] key = secret.clone();
    try {
      return new Pair(JwtAlgorithm.HS256, Optional.of(new MACSigner(key)), new MACVerifier(key));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("Unusable HS256 secret: " + e.getMessage(), e);
    }
  }

  /** RS256 over an RSA public key and, to issue tokens, its private key. */
  public static Pair rsa(PublicKey publicKey, Optional<PrivateKey> privateKey) {
    if (!(publicKey instanceof RSAPublicKey rsa)) {
      throw new IllegalArgumentException("RS256 needs an RSA key, not " + publicKey.getAlgorithm());
    }
    int bits = rsa.getModulus().bitLength();
    if (bits < MIN_RSA_BITS) {
      throw new IllegalArgumentException(
          "An RSA key for RS256 must have at least "
              + MIN_RSA_BITS
              + " bits, this one has "
              + bits);
    }
    Optional<JWSSigner> signer =
        privateKey.map(
            key -> {
              if (!"RSA".equals(key.getAlgorithm())) {
                throw new IllegalArgumentException(
                    "RS256 needs an RSA private key, not " + key.getAlgorithm());
              }
              return new RSASSASigner(key);
            });
    return new Pair(JwtAlgorithm.RS256, signer, new RSASSAVerifier(rsa));
  }

  /** ES256 over an EC public key on P-256 and, to issue tokens, its private key. */
  public static Pair ec(PublicKey publicKey, Optional<PrivateKey> privateKey) {
    if (!(publicKey instanceof ECPublicKey ec)) {
      throw new IllegalArgumentException("ES256 needs an EC key, not " + publicKey.getAlgorithm());
    }
    if (!Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
      throw new IllegalArgumentException("ES256 needs a key on the P-256 curve");
    }
    try {
      Optional<JWSSigner> signer = Optional.empty();
      if (privateKey.isPresent()) {
        if (!(privateKey.get() instanceof ECPrivateKey ecPrivate)) {
          throw new IllegalArgumentException(
              "ES256 needs an EC private key, not " + privateKey.get().getAlgorithm());
        }
        signer = Optional.of(new ECDSASigner(ecPrivate));
      }
      return new Pair(JwtAlgorithm.ES256, signer, new ECDSAVerifier(ec));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("Unusable ES256 key: " + e.getMessage(), e);
    }
  }
}
