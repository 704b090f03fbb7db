package dev.snel.models;

import static dev.snel.models.Expected.json;
import static dev.snel.models.Expected.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Default;
import dev.snel.Model;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Models inside models and lists: pydantic's exact error locations, every error of the body in
 * field order, null versus missing, defaults, and what happens to members the model does not
 * declare.
 */
class NestedModelsTest {

  public record Address(String street, String city) {}

  public record Item(
      @Size(min = 1) String name,
      @Positive double price,
      @Default("1") int quantity,
      Optional<String> description,
      @Default({"new", "sale"}) List<String> tags) {}

  public record Order(long id, List<Item> items, Address shipping, Optional<Address> billing) {}

  @Model(extra = Model.Extra.FORBID)
  public record Point(int x, int y) {}

  public record Shape(String name, List<Point> points) {}

  public record Category(String name, List<Category> children) {}

  /** A plain class: a no-argument constructor, then each member through its setter or field. */
  public static class Settings {
    private String theme;
    public Optional<String> motto;

    public String getTheme() {
      return theme;
    }

    public void setTheme(String theme) {
      this.theme = theme.toUpperCase(java.util.Locale.ROOT);
    }
  }

  public static class Routes {
    @Post("/categories")
    public Category category(Category category) {
      return category;
    }

    @Post("/settings")
    public Settings settings(Settings settings) {
      return settings;
    }

    @Post("/orders")
    public Order order(Order order) {
      return order;
    }

    @Post("/items/describe")
    public Map<String, Object> describe(Item item) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("has_description", item.description().isPresent());
      answer.put("description", item.description().orElse("(none)"));
      return answer;
    }

    @Post("/points")
    public Point point(Point point) {
      return point;
    }

    @Post("/shapes")
    public Shape shape(Shape shape) {
      return shape;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @Test
  void reads_nested_models_and_lists_and_fills_in_defaults() {
    TestResponse response =
        postJson(
            client,
            "/orders",
            """
            {"id": 7,
             "items": [{"name": "Foo", "price": 35.4, "quantity": 2, "description": "A foo", "tags": ["x"]},
                       {"name": "Bar", "price": "1.5"}],
             "shipping": {"street": "Main St 1", "city": "Delft"}}""");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"id": 7,
                 "items": [{"name": "Foo", "price": 35.4, "quantity": 2, "description": "A foo", "tags": ["x"]},
                           {"name": "Bar", "price": 1.5, "quantity": 1, "description": null, "tags": ["new", "sale"]}],
                 "shipping": {"street": "Main St 1", "city": "Delft"},
                 "billing": null}"""));
  }

  @Test
  void an_error_deep_inside_names_the_list_index_and_the_field() {
    TestResponse response =
        postJson(
            client,
            "/orders",
            """
            {"id": 1, "shipping": {"street": "s", "city": "c"},
             "items": [{"name": "a", "price": 1}, {"name": "b", "price": 2}, {"name": "c", "price": "cheap"}]}""");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"float_parsing","loc":["body","items",2,"price"],
                  "msg":"Input should be a valid number, unable to parse string as a number","input":"cheap"}]}"""));
  }

  @Test
  void a_missing_nested_field_has_the_nested_object_as_input() {
    TestResponse response =
        postJson(
            client,
            "/orders",
            "{\"id\": 1, \"items\": [], \"shipping\": {\"street\": \"Main St 1\"}}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"missing","loc":["body","shipping","city"],"msg":"Field required",
                  "input":{"street":"Main St 1"}}]}"""));
  }

  @Test
  void reports_every_error_in_field_order_whatever_the_order_of_the_json_members() {
    TestResponse response =
        postJson(
            client,
            "/orders",
            """
            {"billing": {"city": 5},
             "items": [{"price": -1, "name": ""}, {"tags": "x", "name": "ok", "price": 1}],
             "id": "seven"}""");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"int_parsing","loc":["body","id"],
                   "msg":"Input should be a valid integer, unable to parse string as an integer","input":"seven"},
                  {"type":"string_too_short","loc":["body","items",0,"name"],
                   "msg":"String should have at least 1 character","input":"","ctx":{"min_length":1}},
                  {"type":"greater_than","loc":["body","items",0,"price"],
                   "msg":"Input should be greater than 0","input":-1,"ctx":{"gt":0}},
                  {"type":"list_type","loc":["body","items",1,"tags"],"msg":"Input should be a valid list","input":"x"},
                  {"type":"missing","loc":["body","shipping"],"msg":"Field required",
                   "input":{"billing":{"city":5},"items":[{"price":-1,"name":""},{"tags":"x","name":"ok","price":1}],"id":"seven"}},
                  {"type":"missing","loc":["body","billing","street"],"msg":"Field required","input":{"city":5}},
                  {"type":"string_type","loc":["body","billing","city"],"msg":"Input should be a valid string","input":5}]}"""));
  }

  @Test
  void null_and_absent_both_make_an_optional_field_empty() {
    TestResponse withNull =
        postJson(
            client, "/items/describe", "{\"name\": \"a\", \"price\": 1, \"description\": null}");
    TestResponse absent = postJson(client, "/items/describe", "{\"name\": \"a\", \"price\": 1}");
    TestResponse present =
        postJson(
            client, "/items/describe", "{\"name\": \"a\", \"price\": 1, \"description\": \"x\"}");

    assertThat(withNull.json())
        .isEqualTo(json("{\"has_description\": false, \"description\": \"(none)\"}"));
    assertThat(absent.json())
        .isEqualTo(json("{\"has_description\": false, \"description\": \"(none)\"}"));
    assertThat(present.json())
        .isEqualTo(json("{\"has_description\": true, \"description\": \"x\"}"));
  }

  @Test
  void null_for_a_required_field_is_a_type_error_and_absent_is_missing() {
    TestResponse withNull =
        postJson(client, "/orders", "{\"id\": null, \"items\": null, \"shipping\": null}");
    TestResponse absent = postJson(client, "/orders", "{}");

    assertThat(withNull.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"int_type","loc":["body","id"],"msg":"Input should be a valid integer","input":null},
                  {"type":"list_type","loc":["body","items"],"msg":"Input should be a valid list","input":null},
                  {"type":"model_attributes_type","loc":["body","shipping"],
                   "msg":"Input should be a valid dictionary or object to extract fields from","input":null}]}"""));
    assertThat(absent.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"missing","loc":["body","id"],"msg":"Field required","input":{}},
                  {"type":"missing","loc":["body","items"],"msg":"Field required","input":{}},
                  {"type":"missing","loc":["body","shipping"],"msg":"Field required","input":{}}]}"""));
  }

  @Test
  void null_for_a_field_with_a_default_is_still_a_type_error() {
    TestResponse response =
        postJson(client, "/items/describe", "{\"name\": \"a\", \"price\": 1, \"quantity\": null}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"int_type","loc":["body","quantity"],"msg":"Input should be a valid integer","input":null}]}"""));
  }

  @Test
  void a_body_or_nested_model_that_is_not_an_object_is_model_attributes_type() {
    TestResponse list = postJson(client, "/orders", "[1, 2]");
    TestResponse nested =
        postJson(
            client,
            "/orders",
            "{\"id\": 1, \"items\": [\"Foo\"], \"shipping\": \"Main St 1, Delft\"}");

    assertThat(list.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"model_attributes_type","loc":["body"],
                  "msg":"Input should be a valid dictionary or object to extract fields from","input":[1,2]}]}"""));
    assertThat(nested.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"model_attributes_type","loc":["body","items",0],
                   "msg":"Input should be a valid dictionary or object to extract fields from","input":"Foo"},
                  {"type":"model_attributes_type","loc":["body","shipping"],
                   "msg":"Input should be a valid dictionary or object to extract fields from","input":"Main St 1, Delft"}]}"""));
  }

  @Test
  void members_the_model_does_not_declare_are_ignored_by_default() {
    TestResponse response =
        postJson(
            client,
            "/orders",
            "{\"id\": 1, \"items\": [], \"shipping\": {\"street\": \"s\", \"city\": \"c\", \"zip\": \"2611\"}, \"coupon\": \"FREE\"}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(
            json(
                "{\"id\": 1, \"items\": [], \"shipping\": {\"street\": \"s\", \"city\": \"c\"}, \"billing\": null}"));
  }

  @Test
  void a_model_that_forbids_extra_members_names_each_of_them_after_its_own_errors() {
    TestResponse response =
        postJson(client, "/points", "{\"z\": 3, \"x\": \"one\", \"y\": 2, \"label\": {\"a\": 1}}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"int_parsing","loc":["body","x"],
                   "msg":"Input should be a valid integer, unable to parse string as an integer","input":"one"},
                  {"type":"extra_forbidden","loc":["body","z"],"msg":"Extra inputs are not permitted","input":3},
                  {"type":"extra_forbidden","loc":["body","label"],"msg":"Extra inputs are not permitted","input":{"a":1}}]}"""));
  }

  @Test
  void extra_members_are_forbidden_in_a_nested_model_too() {
    TestResponse response =
        postJson(
            client,
            "/shapes",
            "{\"name\": \"line\", \"points\": [{\"x\": 0, \"y\": 0}, {\"x\": 1, \"y\": 1, \"z\": 1}]}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"extra_forbidden","loc":["body","points",1,"z"],"msg":"Extra inputs are not permitted","input":1}]}"""));
  }

  @Test
  void a_recursive_model_reads_and_locates_errors_at_any_depth() {
    TestResponse valid =
        postJson(
            client,
            "/categories",
            "{\"name\": \"a\", \"children\": [{\"name\": \"b\", \"children\": []}]}");
    TestResponse invalid =
        postJson(
            client,
            "/categories",
            "{\"name\": \"a\", \"children\": [{\"name\": \"b\", \"children\": [{\"name\": 5, \"children\": []}]}]}");

    assertThat(valid.json())
        .isEqualTo(json("{\"name\": \"a\", \"children\": [{\"name\": \"b\", \"children\": []}]}"));
    assertThat(invalid.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"string_type","loc":["body","children",0,"children",0,"name"],
                  "msg":"Input should be a valid string","input":5}]}"""));
  }

  @Test
  void a_plain_class_is_filled_through_its_setters_and_fields() {
    TestResponse response = postJson(client, "/settings", "{\"theme\": \"dark\"}");
    TestResponse missing = postJson(client, "/settings", "{\"motto\": \"less is more\"}");

    assertThat(response.json()).isEqualTo(json("{\"theme\": \"DARK\", \"motto\": null}"));
    assertThat(missing.json())
        .isEqualTo(
            json(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"theme\"],\"msg\":\"Field required\",\"input\":{\"motto\":\"less is more\"}}]}"));
  }
}
