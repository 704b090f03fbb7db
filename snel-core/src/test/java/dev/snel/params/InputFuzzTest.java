package dev.snel.params;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Body;
import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.internal.http.QueryString;
import dev.snel.internal.http.UriDecoding;
import dev.snel.internal.values.ConversionException;
import dev.snel.internal.values.ScalarConverter;
import dev.snel.internal.values.Scalars;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import jakarta.validation.constraints.Email;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property tests: whatever a client sends (random bytes, valid JSON bodies with random edits,
 * random query strings, random text for every scalar type) is answered with a value or a validation
 * error, never a 500 or an unexpected exception. Tries are bounded so that each property runs in
 * about a second.
 */
class InputFuzzTest {

  public enum Color {
    RED,
    GREEN
  }

  public record Inner(int n, Optional<String> label) {}

  public record Everything(
      String name,
      long count,
      int small,
      double ratio,
      BigDecimal price,
      BigInteger big,
      boolean flag,
      UUID id,
      LocalDate day,
      OffsetDateTime at,
      Color color,
      List<Integer> numbers,
      Map<String, Double> scores,
      Inner inner,
      Optional<@Email String> email) {}

  public static class Routes {
    @Post("/everything")
    public Everything everything(Everything body) {
      return body;
    }

    @Post("/embedded")
    public String embedded(Inner inner, @Body(embed = true) Optional<Color> color) {
      return "ok";
    }

    @Post("/text")
    public String text(String body) {
      return body;
    }

    @Get("/query")
    public String query(
        Optional<Integer> i,
        Optional<Double> d,
        Optional<BigDecimal> m,
        Optional<Boolean> b,
        Optional<UUID> u,
        Optional<LocalDate> day,
        Optional<Instant> at,
        Optional<Color> c,
        Optional<@Email String> e,
        List<Long> l) {
      return "ok";
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  private static final String VALID =
      """
      {"name": "caf\\u00e9", "count": 12, "small": -3, "ratio": 1.5e3, "price": "10.25",
       "big": 123456789012345678901234567890, "flag": true,
       "id": "c9bf9e57-1685-4c89-bafb-ff5af830be8a", "day": "2024-02-29",
       "at": "2024-02-29T12:30:00+01:00", "color": "RED", "numbers": [1, 2, 3],
       "scores": {"a": 1.0, "b": -2}, "inner": {"n": 7, "label": "x"},
       "email": "John.Doe@Example.COM"}
      """;

  private static void assertAnswered(TestResponse response) {
    assertThat(response.status()).as(response.text()).isBetween(200, 499);
  }

  private static TestResponse post(String target, byte[] body, String contentType) {
    return client.request("POST", target).body(body, contentType).send();
  }

  @Property(tries = 400)
  void random_bytes_as_a_json_body_are_answered_with_2xx_or_4xx(
      @ForAll("bodies") byte[] body, @ForAll("targets") String target) {
    assertAnswered(post(target, body, Response.JSON));
  }

  @Property(tries = 200)
  void random_bytes_as_a_text_body_are_answered_with_2xx_or_4xx(@ForAll("bodies") byte[] body) {
    assertAnswered(post("/text", body, "text/plain"));
    assertAnswered(post("/everything", body, "text/plain"));
  }

  @Property(tries = 300)
  void a_valid_body_with_random_edits_is_answered_with_2xx_or_4xx(
      @ForAll("mutatedBodies") String body) {
    assertAnswered(post("/everything", body.getBytes(StandardCharsets.UTF_8), Response.JSON));
  }

  @Property(tries = 400)
  void a_random_query_string_is_answered_with_2xx_or_4xx(@ForAll("queries") String query) {
    assertAnswered(client.get("/query?" + query));
  }

  @Property(tries = 1000)
  void form_decoding_never_fails(@ForAll("queries") String raw) {
    assertThat(QueryString.parse(raw)).isNotNull();
    assertThat(UriDecoding.decodePath(raw)).isNotNull();
  }

  @Property(tries = 3000)
  void a_scalar_converter_gives_a_value_or_a_validation_error(
      @ForAll("scalarTypes") Class<?> type, @ForAll("scalarTexts") String raw) {
    ScalarConverter converter = Scalars.converterFor(type).orElseThrow();
    try {
      assertThat(converter.convert(raw)).isNotNull();
    } catch (ConversionException invalid) {
      assertThat(invalid.type()).isNotBlank();
      assertThat(invalid.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<String> targets() {
    return Arbitraries.of("/everything", "/embedded");
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    Arbitrary<byte[]> jsonish =
        Arbitraries.strings()
            .withChars("{}[]\":,\\/ \t\r\n0123456789.eE+-truefalsnu\u00e9\ud83d\ude00")
            .ofMaxLength(64)
            .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> whitespace =
        Arbitraries.strings()
            .withChars(" \t\r\n")
            .ofMinLength(1)
            .ofMaxLength(8)
            .map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(anyBytes, jsonish, whitespace);
  }

  @Provide
  Arbitrary<String> mutatedBodies() {
    Arbitrary<String> fragment =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .withChars("{}[]\":,\\ 0123456789.eE+-_nulltruefalse")
                .ofMaxLength(4),
            Arbitraries.of(
                "\\ud800",
                "\\udc00",
                "\\ud83d\\ude00",
                "\\\\",
                "\\u0000",
                "\u0000",
                "null",
                "1e999999999",
                "-0",
                "NaN",
                "Infinity",
                "9".repeat(5000),
                "\"" + "9".repeat(5000) + "\"",
                "[[[[[[",
                "{\"a\":",
                "\"\\u00e9\"",
                "\"x@-bad-.com\"",
                "\"a@example.123\"",
                "\"1_0\"",
                "\"inf\"",
                "true",
                "\"\""));
    return Arbitraries.integers()
        .between(1, 4)
        .flatMap(
            edits ->
                Arbitraries.integers()
                    .between(0, VALID.length())
                    .list()
                    .ofSize(edits * 2)
                    .flatMap(
                        positions ->
                            fragment
                                .list()
                                .ofSize(edits)
                                .map(pieces -> mutate(positions, pieces))));
  }

  /** Replaces a random span of the valid body with each piece in turn. */
  private static String mutate(List<Integer> positions, List<String> pieces) {
    String body = VALID;
    for (int i = 0; i < pieces.size(); i++) {
      int a = Math.min(positions.get(2 * i), body.length());
      int b = Math.min(body.length(), a + positions.get(2 * i + 1) % 8);
      body = body.substring(0, a) + pieces.get(i) + body.substring(b);
    }
    return body;
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> names =
        Arbitraries.of("i", "d", "m", "b", "u", "day", "at", "c", "e", "l", "x", "");
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("%0123456789abcdefABCDEFzZ+-_.&=é@:").ofMaxLength(16),
            scalarTexts().map(s -> s.replace("&", "%26").replace("#", "%23")));
    return Arbitraries.oneOf(
            names.flatMap(n -> values.map(v -> n + "=" + v)),
            Arbitraries.strings()
                .withChars("%&=+0123456789aAfFzZé ")
                .ofMaxLength(24)
                .map(s -> s.replace(" ", "%20")))
        .list()
        .ofMaxSize(5)
        .map(parts -> String.join("&", parts).replace("#", "%23"));
  }

  @Provide
  Arbitrary<Class<?>> scalarTypes() {
    return Arbitraries.of(
        int.class,
        long.class,
        short.class,
        byte.class,
        BigInteger.class,
        double.class,
        float.class,
        BigDecimal.class,
        boolean.class,
        UUID.class,
        LocalDate.class,
        LocalDateTime.class,
        OffsetDateTime.class,
        Instant.class,
        LocalTime.class,
        Color.class,
        String.class);
  }

  @Provide
  Arbitrary<String> scalarTexts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(24),
        Arbitraries.strings().withChars("0123456789+-._eE xXabcdefinftyINF").ofMaxLength(40),
        Arbitraries.strings().withChars("0123456789-:.TtZz_ +").ofMaxLength(40),
        Arbitraries.strings().withChars("0123456789abcdefABCDEF-{}urn:uid").ofMaxLength(48),
        Arbitraries.of(
                "RED",
                "red",
                "GREEN",
                "true",
                "yes",
                "off",
                "inf",
                "-Infinity",
                "NaN",
                "1e999999999",
                "1e-999999999")
            .map(s -> s),
        Arbitraries.integers().between(1, 20_000).map(n -> "9".repeat(n)),
        Arbitraries.integers().between(1, 5_000).map(n -> "1" + "_0".repeat(n) + ".5e" + n));
  }
}
