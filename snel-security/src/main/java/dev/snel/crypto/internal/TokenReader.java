package dev.snel.crypto.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.snel.crypto.JwtClaims;
import dev.snel.crypto.JwtException;
import dev.snel.crypto.JwtException.Reason;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one token, cheapest and most telling checks first: its shape, then the header's algorithm
 * (so that nothing about a token in a foreign algorithm is ever computed with our key), then the
 * signature, and only then the claims.
 */
public final class TokenReader {
  private static final Set<String> REGISTERED =
      Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scope", "scopes");

  private final String algorithm;
  private final JWSVerifier verifier;
  private final Optional<String> issuer;
  private final Optional<String> audience;
  private final Duration clockSkew;
  private final Clock clock;

  /** A reader for tokens signed with {@code algorithm} under {@code verifier}'s key. */
  public TokenReader(
      String algorithm,
      JWSVerifier verifier,
      Optional<String> issuer,
      Optional<String> audience,
      Duration clockSkew,
      Clock clock) {
    this.algorithm = algorithm;
    this.verifier = verifier;
    this.issuer = issuer;
    this.audience = audience;
    this.clockSkew = clockSkew;
    this.clock = clock;
  }

  /** The verified claims of {@code token}, or a {@link JwtException} with the first failure. */
  public JwtClaims read(String token) {
    if (token == null || token.isBlank()) {
      throw new JwtException(Reason.MALFORMED, "the token is empty");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new JwtException(
          Reason.MALFORMED,
          "a signed JWT has 3 dot-separated parts, this token has "
              + parts.length
              + (parts.length == 5 ? " (encrypted tokens are not supported)" : ""));
    }
    checkAlgorithm(parts[0]);
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      // the parser always explains itself; a default keeps the message non-null all the same
      throw new JwtException(
          Reason.MALFORMED,
          Objects.requireNonNullElse(e.getMessage(), "the token cannot be parsed"));
    }
    try {
      if (!jwt.verify(verifier)) {
        throw new JwtException(Reason.BAD_SIGNATURE, "the signature does not match");
      }
    } catch (JOSEException e) {
      throw new JwtException(
          Reason.BAD_SIGNATURE,
          Objects.requireNonNullElse(e.getMessage(), "the signature cannot be checked"));
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new JwtException(
          Reason.MALFORMED, "the claims are not a JSON object: " + e.getMessage());
    }
    return checkClaims(claims);
  }

  private void checkAlgorithm(String encodedHeader) {
    Object alg;
    try {
      alg = JSONObjectUtils.parse(new Base64URL(encodedHeader).decodeToString()).get("alg");
    } catch (ParseException | RuntimeException e) {
      throw new JwtException(Reason.MALFORMED, "the header is not a JSON object");
    }
    if (!(alg instanceof String name)) {
      throw new JwtException(Reason.MALFORMED, "the header has no \"alg\"");
    }
    if (name.equalsIgnoreCase("none")) {
      throw new JwtException(
          Reason.WRONG_ALGORITHM,
          "\"alg\": \"" + name + "\" (an unsigned token) is never accepted");
    }
    if (!name.equals(algorithm)) {
      throw new JwtException(
          Reason.WRONG_ALGORITHM,
          "the token is signed with " + name + ", the key is pinned to " + algorithm);
    }
  }

  private JwtClaims checkClaims(JWTClaimsSet claims) {
    String subject = stringClaim(claims, "sub");
    Instant expiresAt = time(claims, "exp").orElseThrow(() -> missing("exp"));
    Optional<Instant> notBefore = time(claims, "nbf");
    Optional<Instant> issuedAt = time(claims, "iat");
    if (subject == null) {
      throw missing("sub");
    }
    Instant now = clock.instant();
    if (!now.isBefore(expiresAt.plus(clockSkew))) {
      throw new JwtException(Reason.EXPIRED, "the token expired at " + expiresAt);
    }
    if (notBefore.isPresent() && notBefore.get().isAfter(now.plus(clockSkew))) {
      throw new JwtException(Reason.NOT_YET_VALID, "the token is valid from " + notBefore.get());
    }
    if (issuedAt.isPresent() && issuedAt.get().isAfter(now.plus(clockSkew))) {
      throw new JwtException(
          Reason.NOT_YET_VALID, "the token was issued in the future, at " + issuedAt.get());
    }
    Optional<String> tokenIssuer = Optional.ofNullable(stringClaim(claims, "iss"));
    if (issuer.isPresent() && !issuer.equals(tokenIssuer)) {
      throw new JwtException(
          Reason.WRONG_ISSUER,
          "expected issuer " + issuer.get() + ", the token's is " + tokenIssuer.orElse("absent"));
    }
    List<String> tokenAudience = claims.getAudience();
    if (audience.isPresent() && !tokenAudience.contains(audience.get())) {
      throw new JwtException(
          Reason.WRONG_AUDIENCE,
          "expected audience " + audience.get() + ", the token's is " + tokenAudience);
    }
    Map<String, Object> others = new LinkedHashMap<>();
    claims
        .getClaims()
        .forEach(
            (name, value) -> {
              if (!REGISTERED.contains(name) && value != null) {
                others.put(name, value);
              }
            });
    return new JwtClaims(
        subject,
        tokenIssuer,
        tokenAudience,
        expiresAt,
        issuedAt,
        notBefore,
        Optional.ofNullable(stringClaim(claims, "jti")),
        scopes(claims),
        others);
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException e) {
      throw new JwtException(Reason.MALFORMED, "\"" + name + "\" is not a string");
    }
  }

  private static Optional<Instant> time(JWTClaimsSet claims, String name) {
    try {
      Date date = claims.getDateClaim(name);
      return Optional.ofNullable(date).map(Date::toInstant);
    } catch (ParseException e) {
      throw new JwtException(Reason.MALFORMED, "\"" + name + "\" is not a number of seconds");
    }
  }

  private static JwtException missing(String name) {
    return new JwtException(Reason.MISSING_CLAIM, "the token has no \"" + name + "\"");
  }

  private static Set<String> scopes(JWTClaimsSet claims) {
    Set<String> scopes = new LinkedHashSet<>();
    if (claims.getClaim("scope") instanceof String scope) {
      for (String word : scope.split(" ", -1)) {
        if (!word.isEmpty()) {
          scopes.add(word);
        }
      }
    }
    if (claims.getClaim("scopes") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof String word) {
          scopes.add(word);
        }
      }
    }
    return scopes;
  }
}
