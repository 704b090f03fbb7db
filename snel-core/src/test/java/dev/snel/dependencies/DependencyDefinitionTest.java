package dev.snel.dependencies;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.Request;
import dev.snel.RouteDefinitionException;
import dev.snel.Snel;
import java.sql.Connection;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Mistakes fail at startup naming the route and the parameter; the document lists what is read. */
class DependencyDefinitionTest {

  public static final class A {
    public static String get(@Depends(B.class) String b) {
      return b;
    }
  }

  public static final class B {
    public static String get(@Depends(A.class) String a) {
      return a;
    }
  }

  public static class Cycle {
    @Get("/cycle")
    public String cycle(@Depends(A.class) String a) {
      return a;
    }
  }

  @Test
  void a_cycle_is_named_with_its_route_and_parameter() {
    assertThatThrownBy(() -> Snel.create().include(new Cycle()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("DependencyDefinitionTest$Cycle.cycle")
        .hasMessageContaining("parameter 'a'")
        .hasMessageContaining("cycle: A -> B -> A");
  }

  public static class Unresolvable {
    @Get("/db")
    public String db(Connection connection) {
      return "no";
    }
  }

  @Test
  void a_type_snel_cannot_read_suggests_a_dependency() {
    assertThatThrownBy(() -> Snel.create().include(new Unresolvable()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("parameter 'connection'")
        .hasMessageContaining("mark it @Depends or provide one with app.provide(...)");
  }

  public static final class NeedsRequest {
    public NeedsRequest(Request request) {}

    public String get() {
      return "x";
    }
  }

  public static class RequestInAppScope {
    @Get("/x")
    public String x(@Depends(NeedsRequest.class) String value) {
      return value;
    }
  }

  @Test
  void an_app_scoped_instance_cannot_take_the_request() {
    assertThatThrownBy(() -> Snel.create().include(new RequestInAppScope()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("parameter 'request'")
        .hasMessageContaining("the app creates this object once");
  }

  public static final class TwoMethods {
    public static String one() {
      return "1";
    }

    public static String two() {
      return "2";
    }
  }

  public static final class WrongType {
    public static int number() {
      return 1;
    }
  }

  public static class Ambiguous {
    @Get("/two")
    public String two(@Depends(TwoMethods.class) String value) {
      return value;
    }
  }

  public static class Mistyped {
    @Get("/wrong")
    public String wrong(@Depends(WrongType.class) String value) {
      return value;
    }
  }

  @Test
  void a_dependency_class_has_one_public_method_of_the_parameters_type() {
    assertThatThrownBy(() -> Snel.create().include(new Ambiguous()))
        .hasMessageContaining("parameter 'value'")
        .hasMessageContaining("has 2 public methods (one, two)");
    assertThatThrownBy(() -> Snel.create().include(new Mistyped()))
        .hasMessageContaining("parameter 'value'")
        .hasMessageContaining("WrongType.number returns Integer, not String");
  }

  public static class UnboundPath {
    @Get("/items/{item_id}")
    public String item(@Depends(ItemId.class) long id) {
      return "x";
    }
  }

  public static final class ItemId {
    public static long get(long item_id) {
      return item_id;
    }
  }

  @Test
  void a_path_parameter_may_be_taken_by_a_dependency() {
    Snel app = Snel.create().include(new UnboundPath());
    assertThat(dev.snel.testing.TestClient.of(app).get("/items/7").status()).isEqualTo(200);
  }

  public static final class DepOne {
    public static String get(Optional<String> shared, @Header("x-token") String token) {
      return "1";
    }
  }

  public static final class DepTwo {
    public static String get(String shared, Optional<String> b) {
      return "2";
    }
  }

  public static class Documented {
    @Get("/documented")
    public String documented(
        Optional<String> q, @Depends(DepOne.class) String one, @Depends(DepTwo.class) String two) {
      return one + two;
    }
  }

  @Test
  void dependencies_parameters_are_documented_once_each_as_fastapi_does() {
    JsonNode operation =
        json(Snel.create().include(new Documented()).openApiJson())
            .at("/paths/~1documented/get/parameters");
    StringBuilder summary = new StringBuilder();
    operation.forEach(
        p ->
            summary
                .append(p.get("in").asText())
                .append(':')
                .append(p.get("name").asText())
                .append(p.get("required").asBoolean() ? "!" : "")
                .append(' '));
    // the handler's own, then each dependency's, grouped by location; the required shared wins
    assertThat(summary.toString().strip())
        .isEqualTo("query:q query:shared! query:b header:x-token!");
  }
}
