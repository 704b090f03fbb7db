package dev.snel.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.crypto.JwtException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class JwtTest {
  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef-test-only".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static Jwt hs256() {
    return Jwt.hs256(SECRET).withClock(at(NOW));
  }

  private static void assertRefused(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(JwtException.class)
        .satisfies(e -> assertThat(((JwtException) e).reason()).isEqualTo(reason));
  }

  private static String b64(String json) {
    return b64(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hmacSigned(String header, String payload, byte[] key)
      throws GeneralSecurityException {
    String input = b64(header) + "." + b64(payload);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String payload(long exp) {
    return "{\"sub\":\"alice\",\"exp\":" + exp + "}";
  }

  private static KeyPair rsaKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  @Test
  void an_issued_token_verifies_with_its_subject_claims_scopes_issuer_and_audience() {
    Jwt jwt = hs256().withIssuer("https://api.example.com").withAudience("example-api");

    String token =
        jwt.issue("alice", Map.of("name", "Alice", "admin", true), List.of("items:read", "me"));
    JwtClaims claims = jwt.verify(token);

    assertThat(token.split("\\.")).hasSize(3);
    assertThat(claims.subject()).isEqualTo("alice");
    assertThat(claims.issuer()).contains("https://api.example.com");
    assertThat(claims.audience()).containsExactly("example-api");
    assertThat(claims.issuedAt()).contains(NOW);
    assertThat(claims.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    assertThat(claims.id()).isPresent();
    assertThat(claims.scopes()).containsExactlyInAnyOrder("items:read", "me");
    assertThat(claims.hasScope("items:write")).isFalse();
    assertThat(claims.claims()).isEqualTo(Map.of("name", "Alice", "admin", true));
    assertThat(claims.claim("name")).contains("Alice");
  }

  @Test
  void rs256_and_es256_tokens_verify_with_the_public_key_alone() throws Exception {
    KeyPair rsa = rsaKeys();
    String rsaToken = Jwt.rs256(rsa).withClock(at(NOW)).issue("alice");
    assertThat(
            Jwt.rs256((RSAPublicKey) rsa.getPublic()).withClock(at(NOW)).verify(rsaToken).subject())
        .isEqualTo("alice");

    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair ec = generator.generateKeyPair();
    Jwt es256 = Jwt.es256(ec).withClock(at(NOW));
    assertThat(es256.algorithm()).isEqualTo(JwtAlgorithm.ES256);
    assertThat(es256.verify(es256.issue("bob")).subject()).isEqualTo("bob");
  }

  @Test
  void a_public_key_alone_cannot_issue() throws Exception {
    Jwt verifier = Jwt.rs256((RSAPublicKey) rsaKeys().getPublic());

    assertThatThrownBy(() -> verifier.issue("alice"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("public key only");
  }

  @Test
  void a_changed_payload_is_a_bad_signature() {
    String[] parts = hs256().issue("alice").split("\\.", -1);
    String forged = parts[0] + "." + b64(payload(NOW.getEpochSecond() + 60)) + "." + parts[2];

    assertRefused(() -> hs256().verify(forged), Reason.BAD_SIGNATURE);
  }

  @Test
  void a_changed_signature_is_a_bad_signature() {
    String token = hs256().issue("alice");
    char last = token.charAt(token.length() - 2);
    String forged =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);

    assertRefused(() -> hs256().verify(forged), Reason.BAD_SIGNATURE);
  }

  @Test
  void a_token_signed_with_another_secret_is_a_bad_signature() {
    String token = Jwt.hs256(new byte[32]).withClock(at(NOW)).issue("alice");

    assertRefused(() -> hs256().verify(token), Reason.BAD_SIGNATURE);
  }

  @Test
  void an_unsigned_token_with_alg_none_is_refused() {
    String body = b64(payload(NOW.getEpochSecond() + 60));
    for (String alg : List.of("none", "None", "NONE")) {
      String token = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + body + ".";
      assertRefused(() -> hs256().verify(token), Reason.WRONG_ALGORITHM);
    }
  }

  @Test
  void an_hs256_token_signed_with_the_rsa_public_key_is_refused_by_an_rs256_verifier()
      throws Exception {
    KeyPair rsa = rsaKeys();
    Jwt verifier = Jwt.rs256((RSAPublicKey) rsa.getPublic()).withClock(at(NOW));
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(rsa.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";

    for (byte[] key :
        List.of(rsa.getPublic().getEncoded(), pem.getBytes(StandardCharsets.US_ASCII))) {
      String forged =
          hmacSigned(
              "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload(NOW.getEpochSecond() + 60), key);
      assertRefused(() -> verifier.verify(forged), Reason.WRONG_ALGORITHM);
    }
  }

  @Test
  void a_token_in_another_algorithm_than_the_pinned_one_is_refused() throws Exception {
    String rs256Token = Jwt.rs256(rsaKeys()).withClock(at(NOW)).issue("alice");

    assertRefused(() -> hs256().verify(rs256Token), Reason.WRONG_ALGORITHM);
  }

  @Test
  void a_token_is_expired_from_its_exp_on_unless_the_clock_skew_covers_it() {
    String token = hs256().issue("alice"); // expires at NOW + 30 min
    Instant exp = NOW.plus(Duration.ofMinutes(30));

    assertThat(Jwt.hs256(SECRET).withClock(at(exp.minusSeconds(1))).verify(token).subject())
        .isEqualTo("alice");
    assertRefused(() -> Jwt.hs256(SECRET).withClock(at(exp)).verify(token), Reason.EXPIRED);

    Jwt skewed = Jwt.hs256(SECRET).withClockSkew(Duration.ofSeconds(30));
    assertThat(skewed.withClock(at(exp.plusSeconds(29))).verify(token).subject())
        .isEqualTo("alice");
    assertRefused(() -> skewed.withClock(at(exp.plusSeconds(30))).verify(token), Reason.EXPIRED);
  }

  @Test
  void a_token_before_its_nbf_is_not_yet_valid_unless_the_clock_skew_covers_it() throws Exception {
    long nbf = NOW.getEpochSecond() + 60;
    String token =
        hmacSigned(
            "{\"alg\":\"HS256\"}",
            "{\"sub\":\"alice\",\"nbf\":" + nbf + ",\"exp\":" + (nbf + 600) + "}",
            SECRET);

    assertRefused(() -> hs256().verify(token), Reason.NOT_YET_VALID);
    assertThat(hs256().withClockSkew(Duration.ofSeconds(60)).verify(token).notBefore())
        .contains(Instant.ofEpochSecond(nbf));
    assertRefused(
        () -> hs256().withClockSkew(Duration.ofSeconds(59)).verify(token), Reason.NOT_YET_VALID);
  }

  @Test
  void a_token_issued_in_the_future_is_not_yet_valid() {
    String token = Jwt.hs256(SECRET).withClock(at(NOW.plusSeconds(120))).issue("alice");

    assertRefused(() -> hs256().verify(token), Reason.NOT_YET_VALID);
    assertThat(hs256().withClockSkew(Duration.ofMinutes(2)).verify(token).subject())
        .isEqualTo("alice");
  }

  @Test
  void the_issuer_and_audience_must_be_the_configured_ones() {
    Jwt api = hs256().withIssuer("https://api.example.com").withAudience("example-api");
    String otherIssuer =
        hs256().withIssuer("https://evil.example").withAudience("example-api").issue("a");
    String otherAudience =
        hs256().withIssuer("https://api.example.com").withAudience("other-api").issue("a");
    String neither = hs256().issue("a");

    assertRefused(() -> api.verify(otherIssuer), Reason.WRONG_ISSUER);
    assertRefused(() -> api.verify(otherAudience), Reason.WRONG_AUDIENCE);
    assertRefused(() -> api.verify(neither), Reason.WRONG_ISSUER);
    assertRefused(() -> hs256().withAudience("example-api").verify(neither), Reason.WRONG_AUDIENCE);
    assertThat(hs256().verify(otherIssuer).issuer()).contains("https://evil.example");
  }

  @Test
  void a_token_without_sub_or_exp_is_refused_and_one_with_a_mistyped_exp_is_malformed()
      throws Exception {
    String noExp = hmacSigned("{\"alg\":\"HS256\"}", "{\"sub\":\"alice\"}", SECRET);
    String noSub =
        hmacSigned("{\"alg\":\"HS256\"}", "{\"exp\":" + (NOW.getEpochSecond() + 60) + "}", SECRET);
    String textExp =
        hmacSigned("{\"alg\":\"HS256\"}", "{\"sub\":\"alice\",\"exp\":\"soon\"}", SECRET);

    assertRefused(() -> hs256().verify(noExp), Reason.MISSING_CLAIM);
    assertRefused(() -> hs256().verify(noSub), Reason.MISSING_CLAIM);
    assertRefused(() -> hs256().verify(textExp), Reason.MALFORMED);
  }

  @Test
  void what_is_not_a_signed_jwt_is_malformed() {
    for (String token :
        List.of("", "abc", "a.b", "a.b.c.d.e", "!!!.e30.sig", b64("[1]") + ".e30.sig")) {
      assertRefused(() -> hs256().verify(token), Reason.MALFORMED);
    }
    assertThatThrownBy(() -> hs256().verify("a.b.c.d.e")).hasMessageContaining("encrypted");
  }

  @Test
  void scopes_written_as_a_list_as_fastapis_tutorial_does_are_read() throws Exception {
    String token =
        hmacSigned(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
            "{\"sub\":\"johndoe\",\"scopes\":[\"me\",\"items\"],\"exp\":"
                + (NOW.getEpochSecond() + 60)
                + "}",
            SECRET);

    assertThat(hs256().verify(token).scopes()).isEqualTo(Set.of("me", "items"));
  }

  @Test
  void registered_claims_cannot_be_set_through_the_claims_map() {
    assertThatThrownBy(() -> hs256().issue("alice", Map.of("exp", 0), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"exp\"");
    assertThatThrownBy(() -> hs256().issue("alice", Map.of(), List.of("two words")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_secret_shorter_than_256_bits_is_refused_with_how_to_make_one() {
    assertThatThrownBy(() -> Jwt.hs256(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes")
        .hasMessageContaining("openssl rand");
    assertThatThrownBy(() -> Jwt.hs256FromBase64("c2VjcmV0"))
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> Jwt.hs256FromBase64("not base64!"))
        .hasMessageContaining("not valid base64");
  }

  @Test
  void the_secret_comes_from_base64_or_the_environment() {
    String base64 = Base64.getEncoder().encodeToString(SECRET);
    String token = Jwt.hs256FromBase64(base64).withClock(at(NOW)).issue("alice");
    assertThat(hs256().verify(token).subject()).isEqualTo("alice");

    String hex = "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7";
    Jwt fromEnv = Jwt.hs256FromEnvironment("SNEL_JWT_SECRET", name -> hex).withClock(at(NOW));
    Jwt sameText = Jwt.hs256(hex.getBytes(StandardCharsets.UTF_8)).withClock(at(NOW));
    assertThat(sameText.verify(fromEnv.issue("alice")).subject()).isEqualTo("alice");

    assertThatThrownBy(() -> Jwt.hs256FromEnvironment("SNEL_JWT_SECRET", name -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SNEL_JWT_SECRET")
        .hasMessageContaining("no default secret");
  }
}
