package dev.snel.crypto;

import dev.snel.Get;
import dev.snel.Header;
import dev.snel.HttpException;
import dev.snel.Post;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The routes of docs/security.md: a login that issues a JWT, and a route that requires one. */
public class Auth {
  /** The login's body (FastAPI's tutorial sends a form; Snel reads JSON). */
  public record Login(String username, String password) {}

  /** The login's answer, in the OAuth2 shape. */
  public record Token(String access_token, String token_type) {}

  /** What the protected route answers. */
  public record Me(String username, Set<String> scopes) {}

  private static final Map<String, String> BEARER = Map.of("WWW-Authenticate", "Bearer");

  private final Jwt jwt;
  private final PasswordHasher hasher;
  private final Map<String, String> passwordHashes; // user name -> stored hash

  public Auth(Jwt jwt, PasswordHasher hasher, Map<String, String> passwordHashes) {
    this.jwt = jwt;
    this.hasher = hasher;
    this.passwordHashes = passwordHashes;
  }

  @Post("/token")
  public Token login(Login login) {
    Optional<String> stored = Optional.ofNullable(passwordHashes.get(login.username()));
    // an unknown user costs a full Argon2id too, so timing does not tell which names exist
    if (!hasher.verify(login.password().toCharArray(), stored)) {
      throw new HttpException(401, "Incorrect username or password", BEARER);
    }
    return new Token(jwt.issue(login.username()), "bearer");
  }

  @Get("/users/me")
  public Me me(@Header Optional<String> authorization) {
    JwtClaims claims = currentUser(authorization);
    return new Me(claims.subject(), claims.scopes());
  }

  private JwtClaims currentUser(Optional<String> authorization) {
    String token =
        authorization
            .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
            .map(value -> value.substring(7))
            .orElseThrow(() -> new HttpException(401, "Not authenticated", BEARER));
    try {
      return jwt.verify(token);
    } catch (JwtException e) {
      throw new HttpException(401, "Could not validate credentials", BEARER);
    }
  }
}
