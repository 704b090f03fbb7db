package dev.snel.crypto;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of a token that {@link Jwt#verify} accepted: its signature, algorithm, times, issuer
 * and audience were checked.
 *
 * @param subject {@code sub}: whom the token is about, usually the user name or id
 * @param issuer {@code iss}, if the token has one
 * @param audience {@code aud}: the audiences the token is meant for (empty if it names none)
 * @param expiresAt {@code exp}
 * @param issuedAt {@code iat}, if the token has one
 * @param notBefore {@code nbf}, if the token has one
 * @param id {@code jti}, if the token has one (tokens issued by {@link Jwt} do)
 * @param scopes the scopes granted: the space-separated claim {@code "scope"} (RFC 9068), or a
 *     {@code scopes} list as FastAPI's OAuth2 scopes tutorial writes it
 * @param claims every other claim, as JSON values (String, Long, Double, Boolean, List, Map)
 */
public record JwtClaims(
    String subject,
    Optional<String> issuer,
    List<String> audience,
    Instant expiresAt,
    Optional<Instant> issuedAt,
    Optional<Instant> notBefore,
    Optional<String> id,
    Set<String> scopes,
    Map<String, Object> claims) {

  /** Copies the collections, so a record never changes after it was made. */
  public JwtClaims {
    audience = List.copyOf(audience);
    scopes = Set.copyOf(scopes);
    claims = Map.copyOf(claims);
  }

  /** A claim other than the registered ones, if the token has it. */
  public Optional<Object> claim(String name) {
    return Optional.ofNullable(claims.get(name));
  }

  /** Whether the token grants {@code scope}. */
  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }
}
