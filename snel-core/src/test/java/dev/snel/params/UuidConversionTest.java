package dev.snel.params;

import static dev.snel.params.Expected.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * UUIDs in the forms pydantic v2 accepts, and its {@code uuid_parsing} errors, whose text is the
 * Rust {@code uuid} crate's (1.18) parse error, repeated in ctx.
 */
class UuidConversionTest {

  public static class Routes {
    @Get("/items/{item_id}")
    public UUID read(UUID item_id) {
      return item_id;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11
          A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11
          a0eebc999c0b4ef8bb6d6bb9bd380a11
          urn:uuid:a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11
          {a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}
          """)
  void accepts_the_forms_pydantic_accepts(String input) {
    TestResponse response = client.get("/items/" + q(input));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Expected.string("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
  }

  @ParameterizedTest(name = "\"{0}\": {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not-a-uuid                            | invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1
          a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1g  | invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `g` at 36
          a0eebc999c0b4ef8bb6d6bb9bd380a1       | invalid length: expected length 32 for simple format, found 31
          12345                                 | invalid length: expected length 32 for simple format, found 5
          a0eebc99-9c0b-4ef8-bb6d               | invalid group count: expected 5, found 4
          a0eebc99-9c0b-4ef8-bb6d-6bb9-bd380a11 | invalid group count: expected 5, found 6
          a0eebc9-99c0b-4ef8-bb6d-6bb9bd380a11  | invalid group length in group 0: expected 8, found 7
          a0eebc99-9c0-4ef8-bb6d-6bb9bd380a11   | invalid group length in group 1: expected 4, found 3
          a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111 | invalid group length in group 4: expected 12, found 13
          """)
  void rejects_what_pydantic_rejects_with_the_uuid_crates_error(String input, String error) {
    TestResponse response = client.get("/items/" + q(input));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "uuid_parsing",
                    List.of("path", "item_id"),
                    "Input should be a valid UUID, " + error,
                    input,
                    Map.of("error", error))));
  }
}
