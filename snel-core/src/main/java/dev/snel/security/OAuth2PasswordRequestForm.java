package dev.snel.security;

import dev.snel.Default;
import dev.snel.Form;
import dev.snel.Format;
import dev.snel.internal.values.Whitespace;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;

/**
 * The form of OAuth2's password flow, which a client posts to the token URL: FastAPI's {@code
 * OAuth2PasswordRequestForm}. Take it as a class dependency; Snel reads each component from the
 * form body.
 *
 * <pre>{@code
 * @Post("/token")
 * public Token login(@Depends OAuth2PasswordRequestForm form) {
 *   User user = users.authenticate(form.username(), form.password());
 *   ...
 * }
 * }</pre>
 *
 * <p>A missing username or password is FastAPI's 422 ({@code "loc": ["body", "username"]}); an
 * empty field counts as missing. The OpenAPI document shows the form as a {@code
 * Body_<operationId>} component, the password fields with {@code "format": "password"}.
 *
 * @param grantType {@code grant_type}: the OAuth2 spec requires {@code password}, but this form
 *     lets it be left out (see {@link OAuth2PasswordRequestFormStrict})
 * @param username the user's name
 * @param password the user's password
 * @param scope {@code scope}: the scopes asked for, separated by spaces; empty if none
 * @param clientId {@code client_id}, if the client sent one
 * @param clientSecret {@code client_secret}, if the client sent one
 */
public record OAuth2PasswordRequestForm(
    @Form("grant_type") @Pattern(regexp = "^password$") Optional<String> grantType,
    @Form String username,
    @Form @Format("password") String password,
    @Form @Default("") String scope,
    @Form("client_id") Optional<String> clientId,
    @Form("client_secret") @Format("password") Optional<String> clientSecret) {

  /**
   * The scopes asked for: {@link #scope()} split on whitespace, as Python's {@code str.split()}
   * splits it ({@code " a b\tc "} gives {@code [a, b, c]}).
   */
  public List<String> scopes() {
    return Whitespace.split(scope);
  }
}
