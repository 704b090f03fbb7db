package dev.snel.models;

import static dev.snel.models.Expected.json;
import static dev.snel.models.Expected.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Alias;
import dev.snel.Default;
import dev.snel.Get;
import dev.snel.Model;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.internal.schema.JsonSchemas;
import dev.snel.internal.schema.Schemas;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code @Alias} and {@code @Model(naming = ...)} give a field its JSON name, and that one name is
 * used everywhere, as FastAPI does with pydantic aliases (by_alias output): in the request, in
 * error locations, in the response and in the JSON Schema.
 */
class AliasesTest {

  public record Product(
      @Alias("productId") long id,
      @Alias("display-name") String name,
      @Alias("in_stock") @Default("0") int stock) {}

  @Model(naming = Model.Naming.CAMEL_CASE)
  public record Customer(
      String first_name,
      String last_name,
      @Alias("e-mail") String email,
      Optional<String> phone_number) {}

  @Model(naming = Model.Naming.SNAKE_CASE)
  public record Shipment(String trackingCode, LocalDate shippedOn, Customer customer) {}

  public static class Routes {
    @Post("/products")
    public Product product(Product product) {
      return product;
    }

    @Get("/products/1")
    public Product first() {
      return new Product(1, "Plumbus", 3);
    }

    @Post("/shipments")
    public Shipment shipment(Shipment shipment) {
      return shipment;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @Test
  void reads_fields_by_their_alias_and_writes_them_back_by_alias() {
    TestResponse response =
        postJson(client, "/products", "{\"productId\": 7, \"display-name\": \"Portal Gun\"}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(json("{\"productId\": 7, \"display-name\": \"Portal Gun\", \"in_stock\": 0}"));
    assertThat(client.get("/products/1").json())
        .isEqualTo(json("{\"productId\": 1, \"display-name\": \"Plumbus\", \"in_stock\": 3}"));
  }

  @Test
  void the_java_name_is_not_an_alias() {
    TestResponse response = postJson(client, "/products", "{\"id\": 7, \"name\": \"Portal Gun\"}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"missing","loc":["body","productId"],"msg":"Field required","input":{"id":7,"name":"Portal Gun"}},
                  {"type":"missing","loc":["body","display-name"],"msg":"Field required","input":{"id":7,"name":"Portal Gun"}}]}"""));
  }

  @Test
  void error_locations_use_the_alias() {
    TestResponse response =
        postJson(
            client,
            "/products",
            "{\"productId\": \"seven\", \"display-name\": 5, \"in_stock\": 1.5}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"int_parsing","loc":["body","productId"],
                   "msg":"Input should be a valid integer, unable to parse string as an integer","input":"seven"},
                  {"type":"string_type","loc":["body","display-name"],"msg":"Input should be a valid string","input":5},
                  {"type":"int_from_float","loc":["body","in_stock"],
                   "msg":"Input should be a valid integer, got a number with a fractional part","input":1.5}]}"""));
  }

  @Test
  void a_naming_policy_names_every_field_and_an_alias_still_wins() {
    TestResponse response =
        postJson(
            client,
            "/shipments",
            """
            {"tracking_code": "T-1", "shipped_on": "2024-01-15",
             "customer": {"firstName": "Ann", "lastName": "Smith", "e-mail": "ann@example.com", "phoneNumber": "+31"}}""");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"tracking_code": "T-1", "shipped_on": "2024-01-15",
                 "customer": {"firstName": "Ann", "lastName": "Smith", "e-mail": "ann@example.com", "phoneNumber": "+31"}}"""));
  }

  @Test
  void a_naming_policy_names_the_error_locations() {
    TestResponse response =
        postJson(
            client,
            "/shipments",
            "{\"trackingCode\": \"T-1\", \"shipped_on\": \"soon\", \"customer\": {\"first_name\": \"Ann\"}}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"missing","loc":["body","tracking_code"],"msg":"Field required",
                   "input":{"trackingCode":"T-1","shipped_on":"soon","customer":{"first_name":"Ann"}}},
                  {"type":"date_from_datetime_parsing","loc":["body","shipped_on"],
                   "msg":"Input should be a valid date or datetime, input is too short","input":"soon","ctx":{"error":"input is too short"}},
                  {"type":"missing","loc":["body","customer","firstName"],"msg":"Field required","input":{"first_name":"Ann"}},
                  {"type":"missing","loc":["body","customer","lastName"],"msg":"Field required","input":{"first_name":"Ann"}},
                  {"type":"missing","loc":["body","customer","e-mail"],"msg":"Field required","input":{"first_name":"Ann"}}]}"""));
  }

  @Test
  void the_json_schema_names_properties_and_titles_by_alias() {
    assertThat(JsonSchemas.standalone(Schemas.of(Product.class), false))
        .isEqualTo(
            json(
                """
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "$ref": "#/$defs/Product",
                 "$defs": {"Product": {
                   "properties": {
                     "productId": {"title": "Product Id", "type": "integer"},
                     "display-name": {"title": "Display-Name", "type": "string"},
                     "in_stock": {"default": 0, "title": "In Stock", "type": "integer"}},
                   "required": ["productId", "display-name"],
                   "title": "Product", "type": "object"}}}"""));
    assertThat(
            JsonSchemas.standalone(Schemas.of(Customer.class), false).get("$defs").get("Customer"))
        .isEqualTo(
            json(
                """
                {"properties": {
                   "firstName": {"title": "First Name", "type": "string"},
                   "lastName": {"title": "Last Name", "type": "string"},
                   "e-mail": {"title": "E-Mail", "type": "string"},
                   "phoneNumber": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": null, "title": "Phone Number"}},
                 "required": ["firstName", "lastName", "e-mail"],
                 "title": "Customer", "type": "object"}"""));
  }
}
