package dev.snel.models;

import static dev.snel.models.Expected.json;
import static dev.snel.models.Expected.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Default;
import dev.snel.Discriminator;
import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.Tag;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sealed interfaces of records are pydantic unions: with {@code @Discriminator}, the tag member
 * picks the record (and is written on output); without it, the first record that fits wins and a
 * value that fits none reports each record's errors under its name.
 */
class UnionsTest {

  @Discriminator("pet_type")
  public sealed interface Pet permits Cat, Dog {}

  @Tag("cat")
  public record Cat(boolean meows, @Default("9") int lives) implements Pet {}

  @Tag("dog")
  public record Dog(double barks, List<String> tricks) implements Pet {}

  public record Owner(String name, Pet pet) {}

  public record Household(List<Pet> pets) {}

  public sealed interface Payment permits Card, Transfer, Voucher {}

  public record Card(@Size(min = 12, max = 19) String number, String holder) implements Payment {}

  public record Transfer(String iban) implements Payment {}

  public record Voucher(String iban) implements Payment {}

  public record Checkout(Payment payment) {}

  @Discriminator("kind")
  public sealed interface Adjustment permits Refund, Fee {}

  @Tag("refund")
  public record Refund(BigDecimal amount) implements Adjustment {}

  @Tag("fee")
  public record Fee(BigDecimal amount, String reason) implements Adjustment {}

  public record Invoice(List<Adjustment> adjustments) {}

  public static class Routes {
    @Post("/owners")
    public Owner owner(Owner owner) {
      return owner;
    }

    @Post("/owners/kind")
    public Map<String, String> kind(Owner owner) {
      return Map.of("kind", owner.pet().getClass().getSimpleName());
    }

    @Post("/households")
    public Household household(Household household) {
      return household;
    }

    @Get("/pets/favourite")
    public Pet favourite() {
      return new Cat(true, 7);
    }

    @Post("/checkout")
    public Map<String, Object> checkout(Checkout checkout) {
      return Map.of("kind", checkout.payment().getClass().getSimpleName());
    }

    @Post("/invoices")
    public Invoice invoice(Invoice invoice) {
      return invoice;
    }

    @Post("/checkout/echo")
    public Checkout echo(Checkout checkout) {
      return checkout;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @Test
  void the_tag_picks_the_record() {
    TestResponse cat =
        postJson(
            client,
            "/owners/kind",
            "{\"name\": \"Ann\", \"pet\": {\"pet_type\": \"cat\", \"meows\": true}}");
    TestResponse dog =
        postJson(
            client,
            "/owners/kind",
            "{\"name\": \"Ann\", \"pet\": {\"barks\": 2, \"tricks\": [], \"pet_type\": \"dog\"}}");

    assertThat(cat.json()).isEqualTo(json("{\"kind\": \"Cat\"}"));
    assertThat(dog.json()).isEqualTo(json("{\"kind\": \"Dog\"}"));
  }

  @Test
  void the_tag_is_written_on_output() {
    TestResponse echoed =
        postJson(
            client,
            "/owners",
            "{\"name\": \"Ann\", \"pet\": {\"pet_type\": \"dog\", \"barks\": 2.5, \"tricks\": [\"sit\"]}}");
    TestResponse returned = client.get("/pets/favourite");

    assertThat(echoed.json())
        .isEqualTo(
            json(
                "{\"name\": \"Ann\", \"pet\": {\"pet_type\": \"dog\", \"barks\": 2.5, \"tricks\": [\"sit\"]}}"));
    assertThat(returned.json())
        .isEqualTo(json("{\"pet_type\": \"cat\", \"meows\": true, \"lives\": 7}"));
    assertThat(returned.json().propertyNames()).containsExactly("pet_type", "meows", "lives");
  }

  @Test
  void an_object_without_the_tag_is_union_tag_not_found() {
    TestResponse response =
        postJson(client, "/owners", "{\"name\": \"Ann\", \"pet\": {\"meows\": true}}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"union_tag_not_found","loc":["body","pet"],
                  "msg":"Unable to extract tag using discriminator 'pet_type'","input":{"meows":true},
                  "ctx":{"discriminator":"'pet_type'"}}]}"""));
  }

  @Test
  void an_unknown_tag_is_union_tag_invalid_with_the_expected_tags() {
    TestResponse response =
        postJson(
            client,
            "/owners",
            "{\"name\": \"Ann\", \"pet\": {\"pet_type\": \"fish\", \"fins\": 2}}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"union_tag_invalid","loc":["body","pet"],
                  "msg":"Input tag 'fish' found using 'pet_type' does not match any of the expected tags: 'cat', 'dog'",
                  "input":{"pet_type":"fish","fins":2},
                  "ctx":{"discriminator":"'pet_type'","tag":"fish","expected_tags":"'cat', 'dog'"}}]}"""));
  }

  @Test
  void a_tag_that_is_not_a_string_is_an_invalid_tag_too() {
    TestResponse response =
        postJson(client, "/owners", "{\"name\": \"Ann\", \"pet\": {\"pet_type\": 5}}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"union_tag_invalid","loc":["body","pet"],
                  "msg":"Input tag '5' found using 'pet_type' does not match any of the expected tags: 'cat', 'dog'",
                  "input":{"pet_type":5},
                  "ctx":{"discriminator":"'pet_type'","tag":"5","expected_tags":"'cat', 'dog'"}}]}"""));
  }

  @Test
  void errors_inside_a_variant_have_the_tag_in_their_location() {
    TestResponse wrongType =
        postJson(
            client,
            "/owners",
            "{\"name\": \"Ann\", \"pet\": {\"pet_type\": \"cat\", \"meows\": \"maybe\"}}");
    TestResponse missing =
        postJson(
            client,
            "/owners",
            "{\"name\": \"Ann\", \"pet\": {\"pet_type\": \"dog\", \"tricks\": [1, \"sit\"]}}");

    assertThat(wrongType.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"bool_parsing","loc":["body","pet","cat","meows"],
                  "msg":"Input should be a valid boolean, unable to interpret input","input":"maybe"}]}"""));
    assertThat(missing.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"missing","loc":["body","pet","dog","barks"],"msg":"Field required",
                   "input":{"pet_type":"dog","tricks":[1,"sit"]}},
                  {"type":"string_type","loc":["body","pet","dog","tricks",0],"msg":"Input should be a valid string","input":1}]}"""));
  }

  @Test
  void a_union_in_a_list_names_the_index_and_the_tag() {
    TestResponse response =
        postJson(
            client,
            "/households",
            "{\"pets\": [{\"pet_type\": \"cat\", \"meows\": false}, {\"pet_type\": \"dog\", \"barks\": \"loud\", \"tricks\": []}]}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"float_parsing","loc":["body","pets",1,"dog","barks"],
                  "msg":"Input should be a valid number, unable to parse string as a number","input":"loud"}]}"""));
  }

  @Test
  void a_discriminated_union_refuses_what_is_not_an_object() {
    TestResponse response = postJson(client, "/owners", "{\"name\": \"Ann\", \"pet\": \"cat\"}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"model_attributes_type","loc":["body","pet"],
                  "msg":"Input should be a valid dictionary or object to extract fields from","input":"cat"}]}"""));
  }

  @Test
  void without_a_discriminator_the_first_record_that_fits_wins() {
    TestResponse card =
        postJson(
            client,
            "/checkout",
            "{\"payment\": {\"number\": \"4111111111111111\", \"holder\": \"Ann\"}}");
    TestResponse transfer =
        postJson(client, "/checkout", "{\"payment\": {\"iban\": \"NL91ABNA0417164300\"}}");

    assertThat(card.json()).isEqualTo(json("{\"kind\": \"Card\"}"));
    // Transfer and Voucher both fit: the first one declared wins
    assertThat(transfer.json()).isEqualTo(json("{\"kind\": \"Transfer\"}"));
    assertThat(
            postJson(client, "/checkout/echo", "{\"payment\": {\"iban\": \"NL91\", \"extra\": 1}}")
                .json())
        .isEqualTo(json("{\"payment\": {\"iban\": \"NL91\"}}"));
  }

  @Test
  void a_value_that_fits_no_record_reports_each_records_errors_under_its_name() {
    TestResponse response = postJson(client, "/checkout", "{\"payment\": {\"number\": \"123\"}}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"string_too_short","loc":["body","payment","Card","number"],
                   "msg":"String should have at least 12 characters","input":"123","ctx":{"min_length":12}},
                  {"type":"missing","loc":["body","payment","Card","holder"],"msg":"Field required","input":{"number":"123"}},
                  {"type":"missing","loc":["body","payment","Transfer","iban"],"msg":"Field required","input":{"number":"123"}},
                  {"type":"missing","loc":["body","payment","Voucher","iban"],"msg":"Field required","input":{"number":"123"}}]}"""));
  }

  @Test
  void a_plain_union_refuses_what_is_not_an_object_once_per_record() {
    TestResponse response = postJson(client, "/checkout", "{\"payment\": 42}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"model_attributes_type","loc":["body","payment","Card"],
                   "msg":"Input should be a valid dictionary or object to extract fields from","input":42},
                  {"type":"model_attributes_type","loc":["body","payment","Transfer"],
                   "msg":"Input should be a valid dictionary or object to extract fields from","input":42},
                  {"type":"model_attributes_type","loc":["body","payment","Voucher"],
                   "msg":"Input should be a valid dictionary or object to extract fields from","input":42}]}"""));
  }

  @Test
  void a_record_in_a_union_reads_its_numbers_exactly_as_sent() {
    TestResponse response =
        postJson(
            client,
            "/invoices",
            "{\"adjustments\": [{\"kind\": \"refund\", \"amount\": 1.10}, {\"kind\": \"fee\", \"amount\": \"2.500\", \"reason\": \"late\"}]}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"adjustments": [{"kind": "refund", "amount": "1.10"}, {"kind": "fee", "amount": "2.500", "reason": "late"}]}"""));
  }
}
