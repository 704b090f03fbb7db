package dev.snel.models;

import static dev.snel.models.Expected.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonValue;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.snel.Alias;
import dev.snel.Default;
import dev.snel.Description;
import dev.snel.Discriminator;
import dev.snel.Examples;
import dev.snel.Model;
import dev.snel.MultipleOf;
import dev.snel.Tag;
import dev.snel.internal.json.Json;
import dev.snel.internal.schema.Decoding;
import dev.snel.internal.schema.JsonSchemas;
import dev.snel.internal.schema.Schema;
import dev.snel.internal.schema.Schemas;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema of models, as FastAPI and pydantic write it (titles from names, required lists,
 * constraint keywords, formats, enums, {@code anyOf} with null for Optional, {@code $ref} to {@code
 * $defs}, defaults), pinned for a handful of models in input and output mode; and each document
 * checked by an independent 2020-12 validator: instances Snel accepts pass it, instances Snel
 * refuses fail it.
 */
class JsonSchemaTest {

  // --- the users example's models

  public record UserCreate(
      @Size(min = 3, max = 50) String username,
      @Email String email,
      @Size(min = 8) String password) {}

  public record UserResponse(long id, String username, String email, LocalDateTime created_at) {}

  // --- a nested model with constraints, defaults, optionals, aliases, an enum and collections

  public enum Status {
    DRAFT("draft"),
    PUBLISHED("published");

    private final String value;

    Status(String value) {
      this.value = value;
    }

    @JsonValue
    public String value() {
      return value;
    }
  }

  public record Label(@Size(min = 1, max = 20) String name) {}

  @Description("A thing for sale.")
  public record Item(
      UUID item_id,
      @Size(min = 1, max = 100) @Description("What it is called") String name,
      @Alias("unit_price") @DecimalMin(value = "0", inclusive = false) @MultipleOf(0.01)
          double price,
      @Min(0) @Max(1000) @Default("1") int quantity,
      @Pattern(regexp = "^[A-Z]{3}$") @Default("EUR") String currency,
      @Size(max = 200) Optional<String> notes,
      @Default("draft") Status status,
      List<Label> labels,
      Optional<Label> main_label,
      @Examples("\"2024-01-15T10:00:00Z\"") OffsetDateTime created_at,
      Map<String, Integer> stock,
      @Default({"new"}) Set<String> flags) {}

  // --- decimals: a number or a string of digits on input, a string on output

  public record Price(@DecimalMin("0") BigDecimal amount, Optional<BigDecimal> discount) {}

  // --- a discriminated union

  @Discriminator("pet_type")
  public sealed interface Pet permits Cat, Dog {}

  @Tag("cat")
  public record Cat(boolean meows, @Default("9") int lives) implements Pet {}

  @Tag("dog")
  public record Dog(double barks) implements Pet {}

  // --- a generic model, and a model that forbids extra members

  public record Page<T>(List<T> items, int total) {}

  @Model(extra = Model.Extra.FORBID)
  public record User(String name, @Email String email) {}

  /** Holds the generic type {@code Page<User>}. */
  public record PageOfUsers(Page<User> page) {}

  private static final Type PAGE_OF_USERS =
      PageOfUsers.class.getRecordComponents()[0].getGenericType();

  private static final String DIALECT =
      "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"";

  /** The input-mode document, written and read back so that numbers compare as JSON numbers. */
  private static JsonNode input(Type type) {
    return json(JsonSchemas.standalone(Schemas.of(type), false).toString());
  }

  /** The output-mode document, written and read back. */
  private static JsonNode output(Type type) {
    return json(JsonSchemas.standalone(Schemas.of(type), true).toString());
  }

  @Test
  void describes_the_users_models_like_pydantic() {
    assertThat(input(UserCreate.class))
        .isEqualTo(
            json(
                "{"
                    + DIALECT
                    + """
                , "$ref": "#/$defs/UserCreate",
                 "$defs": {"UserCreate": {
                   "properties": {
                     "username": {"maxLength": 50, "minLength": 3, "title": "Username", "type": "string"},
                     "email": {"format": "email", "title": "Email", "type": "string"},
                     "password": {"minLength": 8, "title": "Password", "type": "string"}},
                   "required": ["username", "email", "password"],
                   "title": "UserCreate", "type": "object"}}}"""));
    assertThat(output(UserResponse.class))
        .isEqualTo(
            json(
                "{"
                    + DIALECT
                    + """
                , "$ref": "#/$defs/UserResponse",
                 "$defs": {"UserResponse": {
                   "properties": {
                     "id": {"title": "Id", "type": "integer"},
                     "username": {"title": "Username", "type": "string"},
                     "email": {"title": "Email", "type": "string"},
                     "created_at": {"format": "date-time", "title": "Created At", "type": "string"}},
                   "required": ["id", "username", "email", "created_at"],
                   "title": "UserResponse", "type": "object"}}}"""));
  }

  private static final String ITEM_DEFS =
      """
      "Status": {"enum": ["draft", "published"], "title": "Status", "type": "string"},
      "Label": {
        "properties": {"name": {"maxLength": 20, "minLength": 1, "title": "Name", "type": "string"}},
        "required": ["name"], "title": "Label", "type": "object"}""";

  private static String itemProperties() {
    return """
        "properties": {
          "item_id": {"format": "uuid", "title": "Item Id", "type": "string"},
          "name": {"description": "What it is called", "maxLength": 100, "minLength": 1, "title": "Name", "type": "string"},
          "unit_price": {"exclusiveMinimum": 0, "multipleOf": 0.01, "title": "Unit Price", "type": "number"},
          "quantity": {"default": 1, "maximum": 1000, "minimum": 0, "title": "Quantity", "type": "integer"},
          "currency": {"default": "EUR", "pattern": "^[A-Z]{3}$", "title": "Currency", "type": "string"},
          "notes": {"anyOf": [{"maxLength": 200, "type": "string"}, {"type": "null"}], "default": null, "title": "Notes"},
          "status": {"$ref": "#/$defs/Status", "default": "draft"},
          "labels": {"items": {"$ref": "#/$defs/Label"}, "title": "Labels", "type": "array"},
          "main_label": {"anyOf": [{"$ref": "#/$defs/Label"}, {"type": "null"}], "default": null},
          "created_at": {"examples": ["2024-01-15T10:00:00Z"], "format": "date-time", "title": "Created At", "type": "string"},
          "stock": {"additionalProperties": {"type": "integer"}, "title": "Stock", "type": "object"},
          "flags": {"default": ["new"], "items": {"type": "string"}, "title": "Flags", "type": "array", "uniqueItems": true}},
        "title": "Item", "type": "object", "description": "A thing for sale.\"""";
  }

  @Test
  void describes_a_nested_model_with_constraints_defaults_optionals_and_aliases() {
    assertThat(input(Item.class))
        .isEqualTo(
            json(
                "{"
                    + DIALECT
                    + ", \"$ref\": \"#/$defs/Item\", \"$defs\": {\"Item\": {"
                    + itemProperties()
                    + ", \"required\": [\"item_id\", \"name\", \"unit_price\", \"labels\", \"created_at\", \"stock\"]},"
                    + ITEM_DEFS
                    + "}}"));
  }

  private static final String DECIMAL =
      "{\"pattern\": \"^(?!^[-+.]*$)[+-]?0*\\\\d*\\\\.?\\\\d*$\", \"type\": \"string\"}";

  @Test
  void describes_a_decimal_as_a_number_or_a_string_on_input_and_a_string_on_output() {
    assertThat(input(Price.class).get("$defs").get("Price").get("properties"))
        .isEqualTo(
            json(
                "{\"amount\": {\"anyOf\": [{\"minimum\": 0, \"type\": \"number\"}, "
                    + DECIMAL
                    + "], \"title\": \"Amount\"},"
                    + " \"discount\": {\"anyOf\": [{\"type\": \"number\"}, "
                    + DECIMAL
                    + ", {\"type\": \"null\"}],"
                    + " \"default\": null, \"title\": \"Discount\"}}"));
    assertThat(output(Price.class).get("$defs").get("Price").get("properties"))
        .isEqualTo(
            json(
                "{\"amount\": {\"pattern\": \"^(?!^[-+.]*$)[+-]?0*\\\\d*\\\\.?\\\\d*$\", \"title\": \"Amount\", \"type\": \"string\"},"
                    + " \"discount\": {\"anyOf\": ["
                    + DECIMAL
                    + ", {\"type\": \"null\"}], \"default\": null, \"title\": \"Discount\"}}"));
  }

  @Test
  void describes_an_enum_as_a_definition_of_its_values() {
    assertThat(input(Status.class))
        .isEqualTo(
            json(
                "{"
                    + DIALECT
                    + """
                , "$ref": "#/$defs/Status",
                 "$defs": {"Status": {"enum": ["draft", "published"], "title": "Status", "type": "string"}}}"""));
  }

  @Test
  void describes_a_discriminated_union_with_one_of_and_a_mapping() {
    assertThat(input(Pet.class))
        .isEqualTo(
            json(
                "{"
                    + DIALECT
                    + """
                , "oneOf": [{"$ref": "#/$defs/Cat"}, {"$ref": "#/$defs/Dog"}],
                 "discriminator": {"propertyName": "pet_type", "mapping": {"cat": "#/$defs/Cat", "dog": "#/$defs/Dog"}},
                 "$defs": {
                   "Cat": {
                     "properties": {
                       "pet_type": {"const": "cat", "title": "Pet Type", "type": "string"},
                       "meows": {"title": "Meows", "type": "boolean"},
                       "lives": {"default": 9, "title": "Lives", "type": "integer"}},
                     "required": ["pet_type", "meows"], "title": "Cat", "type": "object"},
                   "Dog": {
                     "properties": {
                       "pet_type": {"const": "dog", "title": "Pet Type", "type": "string"},
                       "barks": {"title": "Barks", "type": "number"}},
                     "required": ["pet_type", "barks"], "title": "Dog", "type": "object"}}}"""));
  }

  @Test
  void describes_a_generic_model_under_pydantics_parametrized_name() {
    assertThat(input(PAGE_OF_USERS))
        .isEqualTo(
            json(
                "{"
                    + DIALECT
                    + """
                , "$ref": "#/$defs/Page_User_",
                 "$defs": {
                   "Page_User_": {
                     "properties": {
                       "items": {"items": {"$ref": "#/$defs/User"}, "title": "Items", "type": "array"},
                       "total": {"title": "Total", "type": "integer"}},
                     "required": ["items", "total"], "title": "Page[User]", "type": "object"},
                   "User": {
                     "additionalProperties": false,
                     "properties": {
                       "name": {"title": "Name", "type": "string"},
                       "email": {"format": "email", "title": "Email", "type": "string"}},
                     "required": ["name", "email"], "title": "User", "type": "object"}}}"""));
  }

  // --- the documents checked by a JSON Schema validator, against Snel's own decoding

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private static List<Error> validate(JsonNode document, String instance) {
    com.networknt.schema.Schema schema = REGISTRY.getSchema(document);
    return schema.validate(
        json(instance),
        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
  }

  /** The errors Snel's own decoder finds in the instance. */
  private static List<dev.snel.ValidationError> decode(Type type, String instance) {
    Schema schema = Schemas.of(type);
    byte[] bytes = instance.getBytes(StandardCharsets.UTF_8);
    Decoding decoding = new Decoding(bytes, List.of("body"));
    try (JsonParser parser = Json.mapper().createParser(bytes)) {
      parser.nextToken();
      schema.decode(parser, decoding);
    }
    return decoding.errors();
  }

  private static Type type(String name) {
    return switch (name) {
      case "UserCreate" -> UserCreate.class;
      case "Item" -> Item.class;
      case "Status" -> Status.class;
      case "Pet" -> Pet.class;
      case "Page" -> PAGE_OF_USERS;
      case "Price" -> Price.class;
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          UserCreate | {"username": "alice", "email": "alice@example.com", "password": "secret123"}
          UserCreate | {"username": "bob", "email": "bob@mail.example.org", "password": "12345678", "admin": true}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "unit_price": 9.99, "labels": [], "created_at": "2024-01-15T10:00:00Z", "stock": {}}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "unit_price": 0.01, "quantity": 1000, "currency": "USD", "notes": null, "status": "published", "labels": [{"name": "x"}], "main_label": {"name": "y"}, "created_at": "2024-01-15T10:00:00+02:00", "stock": {"ams": 3}, "flags": ["a", "b"]}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "unit_price": 1, "notes": "fine", "main_label": null, "labels": [], "created_at": "2024-01-15T10:00:00Z", "stock": {}}
          Status     | "draft"
          Pet        | {"pet_type": "cat", "meows": true}
          Pet        | {"pet_type": "dog", "barks": 2.5, "meows": "ignored"}
          Page       | {"items": [{"name": "ann", "email": "ann@example.com"}], "total": 1}
          Page       | {"items": [], "total": 0}
          Price      | {"amount": 1.10, "discount": "0.50"}
          Price      | {"amount": "12", "discount": null}
          """)
  void an_instance_snel_accepts_is_valid_against_its_schema(String model, String instance) {
    assertThat(decode(type(model), instance)).as("Snel's errors").isEmpty();
    assertThat(validate(input(type(model)), instance))
        .as("the JSON Schema validator's errors")
        .isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          UserCreate | {"username": "al", "email": "alice@example.com", "password": "secret123"}
          UserCreate | {"username": "alice", "email": "alice@example.com", "password": "short"}
          UserCreate | {"username": "alice", "email": "not-an-email", "password": "secret123"}
          UserCreate | {"username": "alice", "password": "secret123"}
          UserCreate | {"username": 5, "email": "alice@example.com", "password": "secret123"}
          UserCreate | ["alice"]
          Item       | {"item_id": "not-a-uuid", "name": "Gun", "unit_price": 9.99, "labels": [], "created_at": "2024-01-15T10:00:00Z", "stock": {}}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "", "unit_price": 9.99, "labels": [], "created_at": "2024-01-15T10:00:00Z", "stock": {}}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "unit_price": 0, "labels": [], "created_at": "2024-01-15T10:00:00Z", "stock": {}}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "unit_price": 9.999, "labels": [], "created_at": "2024-01-15T10:00:00Z", "stock": {}}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "unit_price": 9.99, "quantity": 1001, "labels": [], "created_at": "2024-01-15T10:00:00Z", "stock": {}}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "unit_price": 9.99, "currency": "euro", "labels": [], "created_at": "2024-01-15T10:00:00Z", "stock": {}}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "unit_price": 9.99, "notes": 5, "labels": [], "created_at": "2024-01-15T10:00:00Z", "stock": {}}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "unit_price": 9.99, "status": "sold", "labels": [], "created_at": "2024-01-15T10:00:00Z", "stock": {}}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "unit_price": 9.99, "labels": [{"name": ""}], "created_at": "2024-01-15T10:00:00Z", "stock": {}}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "unit_price": 9.99, "labels": [], "main_label": "x", "created_at": "2024-01-15T10:00:00Z", "stock": {}}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "unit_price": 9.99, "labels": [], "created_at": "yesterday", "stock": {}}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "unit_price": 9.99, "labels": [], "created_at": "2024-01-15T10:00:00Z", "stock": {"ams": "many"}}
          Item       | {"item_id": "a8098c1a-f86e-11da-bd1a-00112444be1e", "name": "Gun", "price": 9.99, "labels": [], "created_at": "2024-01-15T10:00:00Z", "stock": {}}
          Status     | "sold"
          Pet        | {"pet_type": "fish"}
          Pet        | {"meows": true}
          Pet        | {"pet_type": "cat", "meows": [true]}
          Pet        | {"pet_type": "dog"}
          Page       | {"items": [{"name": "ann", "email": "ann@example.com", "admin": true}], "total": 1}
          Page       | {"items": [{"name": "ann", "email": "ann"}], "total": 1}
          Page       | {"items": {}, "total": 1}
          Page       | {"items": [], "total": 1.5}
          Price      | {"amount": "twelve"}
          Price      | {"amount": -1}
          Price      | {"amount": true}
          """)
  void an_instance_snel_refuses_is_invalid_against_its_schema(String model, String instance) {
    assertThat(decode(type(model), instance)).as("Snel's errors").isNotEmpty();
    assertThat(validate(input(type(model)), instance))
        .as("the JSON Schema validator's errors")
        .isNotEmpty();
  }

  @Test
  void the_validator_asserts_formats_so_emails_and_uuids_are_checked() {
    String badEmail =
        "{\"username\": \"alice\", \"email\": \"not-an-email\", \"password\": \"secret123\"}";
    String badUuid =
        "{\"item_id\": \"not-a-uuid\", \"name\": \"Gun\", \"unit_price\": 9.99, \"labels\": [],"
            + " \"created_at\": \"2024-01-15T10:00:00Z\", \"stock\": {}}";

    assertThat(validate(input(UserCreate.class), badEmail))
        .extracting(Error::getKeyword)
        .containsExactly("format");
    assertThat(validate(input(Item.class), badUuid))
        .extracting(Error::getKeyword)
        .containsExactly("format");
  }

  @Test
  void the_output_document_describes_what_a_response_contains() {
    assertThat(validate(output(Price.class), "{\"amount\": \"1.50\", \"discount\": null}"))
        .isEmpty();
    assertThat(validate(output(Price.class), "{\"amount\": 1.5, \"discount\": null}")).isNotEmpty();
    assertThat(validate(input(Price.class), "{\"amount\": 1.5, \"discount\": null}")).isEmpty();
  }
}
