package dev.snel.security;

import dev.snel.Default;
import dev.snel.Form;
import dev.snel.internal.values.Whitespace;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;

/**
 * {@link OAuth2PasswordRequestForm} as the OAuth2 spec has it: {@code grant_type=password} is
 * required (FastAPI's {@code OAuth2PasswordRequestFormStrict}). Take it as a class dependency:
 * {@code @Depends OAuth2PasswordRequestFormStrict form}.
 *
 * <p>Like FastAPI's, its OpenAPI schema does not mark the password fields {@code "format":
 * "password"}.
 *
 * @param grantType {@code grant_type}, which must be {@code password}
 * @param username the user's name
 * @param password the user's password
 * @param scope {@code scope}: the scopes asked for, separated by spaces; empty if none
 * @param clientId {@code client_id}, if the client sent one
 * @param clientSecret {@code client_secret}, if the client sent one
 */
public record OAuth2PasswordRequestFormStrict(
    @Form("grant_type") @Pattern(regexp = "^password$") String grantType,
    @Form String username,
    @Form String password,
    @Form @Default("") String scope,
    @Form("client_id") Optional<String> clientId,
    @Form("client_secret") Optional<String> clientSecret) {

  /** The scopes asked for: {@link #scope()} split on whitespace. */
  public List<String> scopes() {
    return Whitespace.split(scope);
  }
}
