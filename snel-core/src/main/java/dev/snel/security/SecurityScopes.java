package dev.snel.security;

import java.util.List;

/**
 * The security scopes required along the dependency chain above the parameter that receives this
 * object: FastAPI's {@code SecurityScopes}. A dependency that checks a token declares a parameter
 * of this type and compares the token's scopes with {@link #scopes()}; each {@code @Depends(value =
 * ..., scopes = {...})} above it adds its scopes.
 *
 * @param scopes the scopes, outermost declaration first, without repetition
 */
public record SecurityScopes(List<String> scopes) {
  /** Copies the list. */
  public SecurityScopes {
    scopes = List.copyOf(scopes);
  }

  /**
   * The scopes separated by spaces, as OAuth2 writes them (and as {@code WWW-Authenticate: Bearer
   * scope="..."} carries them).
   */
  public String scopeStr() {
    return String.join(" ", scopes);
  }
}
