package dev.snel.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.snel.crypto.internal.JwtKeys;
import dev.snel.crypto.internal.TokenReader;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Issues and verifies JSON Web Tokens with one key whose algorithm is pinned: the production
 * version of the access tokens of FastAPI's OAuth2 tutorial.
 *
 * <pre>{@code
 * Jwt jwt = Jwt.hs256FromEnvironment("SNEL_JWT_SECRET")
 *     .withIssuer("https://api.example.com")
 *     .withAudience("example-api")
 *     .withLifetime(Duration.ofMinutes(30));
 * String token = jwt.issue("alice", Map.of("name", "Alice"), List.of("items:read"));
 * JwtClaims claims = jwt.verify(token); // or JwtException, with its reason
 * }</pre>
 *
 * <p>{@link #verify} refuses a token whose header names another algorithm than the key's, {@code
 * alg: none} included, before it looks at the signature; so an RSA public key can never be used as
 * an HMAC secret. Every token must have {@code sub} and {@code exp}; {@code exp}, {@code nbf} and
 * {@code iat} are checked against the clock with the configured skew, and the issuer and audience
 * when they are configured.
 *
 * <p>The secret or private key comes from configuration, never from code: there is no default
 * secret. A {@code Jwt} is immutable and safe to share between threads; the {@code with...} methods
 * return a copy.
 */
public final class Jwt {
  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);
  private static final Set<String> RESERVED =
      Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scope", "scopes");

  private final JwtAlgorithm algorithm;
  private final Optional<JWSSigner> signer;
  private final JWSVerifier verifier;
  private final Optional<String> issuer;
  private final Optional<String> audience;
  private final Duration lifetime;
  private final Duration clockSkew;
  private final Clock clock;

  private Jwt(
      JwtAlgorithm algorithm,
      Optional<JWSSigner> signer,
      JWSVerifier verifier,
      Optional<String> issuer,
      Optional<String> audience,
      Duration lifetime,
      Duration clockSkew,
      Clock clock) {
    this.algorithm = algorithm;
    this.signer = signer;
    this.verifier = verifier;
    this.issuer = issuer;
    this.audience = audience;
    this.lifetime = lifetime;
    this.clockSkew = clockSkew;
    this.clock = clock;
  }

  private static Jwt of(JwtKeys.Pair keys) {
    return new Jwt(
        keys.algorithm(),
        keys.signer(),
        keys.verifier(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_LIFETIME,
        Duration.ZERO,
        Clock.systemUTC());
  }

  /**
   * HS256 with a shared secret of at least 32 bytes (256 bits), for instance 32 random bytes.
   *
   * @throws IllegalArgumentException if the secret is shorter
   */
  public static Jwt hs256(byte[] secret) {
    return of(JwtKeys.hmac(secret));
  }

  /**
   * HS256 with a secret given in base64 (standard or URL-safe alphabet), as {@code openssl rand
   * -base64 32} prints it.
   *
   * @throws IllegalArgumentException if the text is not base64 or the secret is shorter than 256
   *     bits
   */
  public static Jwt hs256FromBase64(String secret) {
    String text = secret.strip();
    byte[] bytes;
    try {
      bytes =
          text.indexOf('-') >= 0 || text.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(text)
              : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The JWT secret is not valid base64: " + e.getMessage(), e);
    }
    return hs256(bytes);
  }

  /**
   * HS256 with the secret in the environment variable {@code name}, taken as text: its UTF-8 bytes
   * are the key, as PyJWT takes FastAPI's {@code SECRET_KEY}, so tokens of a FastAPI service that
   * used the same value verify here. Make one with {@code openssl rand -hex 32}.
   *
   * @throws IllegalStateException if the variable is not set or empty
   * @throws IllegalArgumentException if its value is shorter than 32 bytes
   */
  public static Jwt hs256FromEnvironment(String name) {
    return hs256FromEnvironment(name, System::getenv);
  }

  static Jwt hs256FromEnvironment(String name, Function<String, String> environment) {
    String value = environment.apply(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(
          "The environment variable "
              + name
              + " holds no JWT secret. Set it to a random value of at least 32 bytes, for"
              + " instance the output of `openssl rand -hex 32`; Snel has no default secret.");
    }
    return hs256(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * RS256 with an RSA key pair of at least 2048 bits: issues and verifies.
   *
   * @throws IllegalArgumentException if the keys are not RSA or are shorter
   */
  public static Jwt rs256(KeyPair keys) {
    return of(JwtKeys.rsa(keys.getPublic(), Optional.of(keys.getPrivate())));
  }

  /**
   * RS256 with only the public key: verifies tokens that another service issued; {@link #issue}
   * then throws.
   */
  public static Jwt rs256(RSAPublicKey publicKey) {
    return of(JwtKeys.rsa(publicKey, Optional.empty()));
  }

  /**
   * ES256 with an EC key pair on the P-256 curve: issues and verifies.
   *
   * @throws IllegalArgumentException if the keys are not EC keys on P-256
   */
  public static Jwt es256(KeyPair keys) {
    return of(JwtKeys.ec(keys.getPublic(), Optional.of(keys.getPrivate())));
  }

  /** ES256 with only the public key: verifies; {@link #issue} then throws. */
  public static Jwt es256(ECPublicKey publicKey) {
    return of(JwtKeys.ec(publicKey, Optional.empty()));
  }

  /** The algorithm pinned to the key. */
  public JwtAlgorithm algorithm() {
    return algorithm;
  }

  /** Issued tokens carry {@code iss}; verified tokens must have exactly this {@code iss}. */
  public Jwt withIssuer(String issuer) {
    return new Jwt(
        algorithm, signer, verifier, Optional.of(issuer), audience, lifetime, clockSkew, clock);
  }

  /** Issued tokens carry {@code aud}; verified tokens must name this audience in {@code aud}. */
  public Jwt withAudience(String audience) {
    return new Jwt(
        algorithm, signer, verifier, issuer, Optional.of(audience), lifetime, clockSkew, clock);
  }

  /** How long issued tokens are valid: 30 minutes unless set, as in FastAPI's tutorial. */
  public Jwt withLifetime(Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("A token lifetime must be positive, not " + lifetime);
    }
    return new Jwt(algorithm, signer, verifier, issuer, audience, lifetime, clockSkew, clock);
  }

  /**
   * How far the issuer's clock may be from this one when {@code exp}, {@code nbf} and {@code iat}
   * are checked: none unless set, as PyJWT's {@code leeway}. A minute is a common choice.
   */
  public Jwt withClockSkew(Duration clockSkew) {
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("A clock skew cannot be negative: " + clockSkew);
    }
    return new Jwt(algorithm, signer, verifier, issuer, audience, lifetime, clockSkew, clock);
  }

  /** The clock that issuing and verifying read: the system's (UTC) unless set, e.g. for tests. */
  public Jwt withClock(Clock clock) {
    return new Jwt(algorithm, signer, verifier, issuer, audience, lifetime, clockSkew, clock);
  }

  /** A token for {@code subject} with no other claims and no scopes. */
  public String issue(String subject) {
    return issue(subject, Map.of(), Set.of());
  }

  /**
   * A signed token for {@code subject}, valid from now for the configured lifetime, with the
   * configured issuer and audience, a random {@code jti}, the given claims, and the scopes in the
   * space-separated claim {@code "scope"} (RFC 9068).
   *
   * @param claims further claims: JSON values (strings, numbers, booleans, lists, maps); the
   *     registered names ({@code sub}, {@code exp}, {@code "scope"}...) are set by this method
   * @throws IllegalArgumentException if {@code claims} holds a registered name, or a scope is blank
   *     or contains a space
   * @throws IllegalStateException if this {@code Jwt} has only a public key
   */
  public String issue(String subject, Map<String, ?> claims, Collection<String> scopes) {
    Objects.requireNonNull(subject, "subject");
    JWSSigner keySigner =
        signer.orElseThrow(
            () ->
                new IllegalStateException(
                    "This Jwt was made from a public key only: it verifies tokens but cannot"
                        + " issue them"));
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString());
    issuer.ifPresent(builder::issuer);
    audience.ifPresent(builder::audience);
    for (Map.Entry<String, ?> claim : claims.entrySet()) {
      if (RESERVED.contains(claim.getKey())) {
        throw new IllegalArgumentException(
            "The claim \"" + claim.getKey() + "\" is set by Jwt.issue, not by the claims map");
      }
      builder.claim(claim.getKey(), claim.getValue());
    }
    if (!scopes.isEmpty()) {
      for (String scope : scopes) {
        if (scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException(
              "A scope must be one word without spaces, not \"" + scope + "\"");
        }
      }
      builder.claim("scope", String.join(" ", scopes));
    }
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.parse(algorithm.name()))
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT token = new SignedJWT(header, builder.build());
    try {
      token.sign(keySigner);
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing a token failed: " + e.getMessage(), e);
    }
    return token.serialize();
  }

  /**
   * The claims of {@code token} once it passed every check: three base64url parts, the pinned
   * algorithm, the signature, {@code sub} and {@code exp} present, the times (with the clock skew),
   * the issuer and the audience if configured.
   *
   * @throws JwtException with the reason of the first check that failed
   */
  public JwtClaims verify(String token) {
    return new TokenReader(algorithm.name(), verifier, issuer, audience, clockSkew, clock)
        .read(token);
  }
}
