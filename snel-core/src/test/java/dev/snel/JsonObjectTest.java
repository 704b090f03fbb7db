package dev.snel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.testing.TestClient;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonObjectTest {

  public static class Routes {
    @Get("/items/{item_id}")
    public Map<String, Object> readItem(long item_id, Optional<String> q) {
      return Json.object("item_id", item_id, "q", q.orElse(null));
    }

    @Get("/grown")
    public Map<String, Object> grown() {
      Map<String, Object> item = Json.object("name", "Foo");
      item.put("description", "added later");
      return item;
    }

    @Get("/empty")
    public Map<String, Object> empty() {
      return Json.object();
    }
  }

  private final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @Test
  void writes_the_names_in_the_order_given_with_null_as_json_null() {
    assertThat(client.get("/items/5").text()).isEqualTo("{\"item_id\":5,\"q\":null}");
    assertThat(client.get("/items/5?q=x").text()).isEqualTo("{\"item_id\":5,\"q\":\"x\"}");
  }

  @Test
  void the_object_can_grow_after_it_is_made() {
    assertThat(client.get("/grown").text())
        .isEqualTo("{\"name\":\"Foo\",\"description\":\"added later\"}");
  }

  @Test
  void no_names_make_an_empty_object() {
    assertThat(client.get("/empty").text()).isEqualTo("{}");
  }

  @Test
  void refuses_a_name_without_a_value_a_name_that_is_not_text_and_a_repeated_name() {
    assertThatThrownBy(() -> Json.object("a", 1, "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the value of \"b\" is missing");
    assertThatThrownBy(() -> Json.object(1, "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argument 1 must be a name");
    assertThatThrownBy(() -> Json.object("a", 1, "a", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"a\" is given twice");
  }
}
