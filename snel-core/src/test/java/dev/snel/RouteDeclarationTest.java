package dev.snel;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * How a handler class's methods become routes: in declaration order (a superclass's first), so the
 * OpenAPI document's paths keep the source's order, as FastAPI's do; methods the compiler generates
 * (bridges for generic interfaces) are not routes.
 */
class RouteDeclarationTest {

  public record User(String name) {}

  public interface Reader<T> {
    T read();
  }

  public static class Users implements Reader<User> {
    @Get("/user")
    @Override
    public User read() {
      return new User("Ann");
    }
  }

  @Test
  void a_handler_implementing_a_generic_interface_has_one_route_per_annotated_method() {
    Snel app = Snel.create().include(new Users());

    TestResponse response = TestClient.of(app).get("/user");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(json("{\"name\": \"Ann\"}"));
    assertThat(app.routes()).hasSize(1);
  }

  public static class Shop {
    @Get("/zebra")
    public String zebra() {
      return "z";
    }

    @Post("/apples")
    public String apples() {
      return "a";
    }

    @Get("/mangoes/{id}")
    public String mango(int id) {
      return "m";
    }

    @Delete("/kiwis")
    public String kiwi() {
      return "k";
    }

    @Get("/bananas")
    public String banana() {
      return "b";
    }

    public String notARoute() {
      return "";
    }

    @Put("/cherries")
    public String cherry() {
      return "c";
    }

    @Get("/apples")
    public String apple() {
      return "a";
    }

    @Patch("/dates")
    public String date() {
      return "d";
    }

    @Get("/figs")
    public String fig() {
      return "f";
    }

    @Get("/grapes")
    public String grape() {
      return "g";
    }
  }

  @Test
  void routes_and_the_documents_paths_follow_the_declaration_order_of_the_methods() {
    Snel app = Snel.create().include(new Shop());

    JsonNode document = json(app.openApiJson());

    assertThat(handlers(app))
        .containsExactly(
            "zebra", "apples", "mango", "kiwi", "banana", "cherry", "apple", "date", "fig",
            "grape");
    assertThat(document.get("paths").propertyNames())
        .containsExactly(
            "/zebra",
            "/apples",
            "/mangoes/{id}",
            "/kiwis",
            "/bananas",
            "/cherries",
            "/dates",
            "/figs",
            "/grapes");
  }

  public static class BaseRoutes {
    @Get("/health")
    public String health() {
      return "ok";
    }

    @Get("/version")
    public String version() {
      return "1";
    }
  }

  public static class Items extends BaseRoutes {
    @Get("/items")
    public String items() {
      return "[]";
    }

    @Post("/items")
    public String create() {
      return "{}";
    }
  }

  @Test
  void a_superclasss_routes_come_first_in_its_declaration_order() {
    Snel app = Snel.create().include(new Items());

    assertThat(handlers(app)).containsExactly("health", "version", "items", "create");
    assertThat(json(app.openApiJson()).get("paths").propertyNames())
        .containsExactly("/health", "/version", "/items");
  }

  public static class SameShape {
    @Get("/e/{x}")
    public Map<String, String> byX(String x) {
      return Map.of("x", x);
    }

    @Get("/e/{y}")
    public Map<String, String> byY(String y) {
      return Map.of("y", y);
    }
  }

  @Test
  void two_routes_of_the_same_shape_fail_at_startup_naming_both_methods() {
    String type = SameShape.class.getName();

    assertThatThrownBy(() -> Snel.create().include(new SameShape()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessage(
            "two routes for GET /e/{y} (the same shape as /e/{x}): "
                + type
                + "#byX and "
                + type
                + "#byY");
  }

  private static List<String> handlers(Snel app) {
    List<String> names = new ArrayList<>();
    app.routes().forEach(route -> names.add(route.handler().getName()));
    return names;
  }
}
