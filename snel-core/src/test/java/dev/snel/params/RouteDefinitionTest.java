package dev.snel.params;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.Default;
import dev.snel.Get;
import dev.snel.Query;
import dev.snel.RouteDefinitionException;
import dev.snel.Snel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A signature Snel cannot read is a developer mistake, found when the routes are included, with a
 * message naming the method and the parameter, never at the first request.
 */
class RouteDefinitionTest {

  public static class PlaceholderWithoutParameter {
    @Get("/items/{item_id}")
    public String readItem() {
      return "never";
    }
  }

  public static class ListInThePath {
    @Get("/items/{ids}")
    public String readItems(List<Integer> ids) {
      return "never";
    }
  }

  public static class MapInTheQuery {
    @Get("/items")
    public String search(@Query Map<String, Integer> filter) {
      return "never";
    }
  }

  public static class DefaultThatDoesNotConvert {
    @Get("/items")
    public String list(@Default("ten") int limit) {
      return "never";
    }
  }

  public static class ListDefaultThatDoesNotConvert {
    @Get("/items")
    public String list(@Default({"1", "two"}) List<Integer> id) {
      return "never";
    }
  }

  public static class SeveralDefaultsForOneValue {
    @Get("/items")
    public String list(@Default({"1", "2"}) int limit) {
      return "never";
    }
  }

  public static class OptionalWithDefault {
    @Get("/items")
    public String list(@Default("10") Optional<Integer> limit) {
      return "never";
    }
  }

  @Test
  void fails_at_startup_for_a_path_placeholder_that_no_parameter_takes() {
    assertThatThrownBy(() -> Snel.create().include(new PlaceholderWithoutParameter()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("PlaceholderWithoutParameter.readItem")
        .hasMessageContaining("{item_id}");
  }

  @Test
  void fails_at_startup_for_a_path_parameter_of_list_type() {
    assertThatThrownBy(() -> Snel.create().include(new ListInThePath()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("ListInThePath.readItems")
        .hasMessageContaining("parameter 'ids'")
        .hasMessageContaining("holds one value");
  }

  @Test
  void fails_at_startup_for_a_query_parameter_that_is_not_a_scalar() {
    assertThatThrownBy(() -> Snel.create().include(new MapInTheQuery()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("MapInTheQuery.search")
        .hasMessageContaining("parameter 'filter'")
        .hasMessageContaining("cannot be read from the query");
  }

  @Test
  void fails_at_startup_for_a_default_that_does_not_convert() {
    assertThatThrownBy(() -> Snel.create().include(new DefaultThatDoesNotConvert()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("DefaultThatDoesNotConvert.list")
        .hasMessageContaining("parameter 'limit'")
        .hasMessageContaining("@Default")
        .hasMessageContaining("Input should be a valid integer");
  }

  @Test
  void fails_at_startup_for_a_list_default_with_an_item_that_does_not_convert() {
    assertThatThrownBy(() -> Snel.create().include(new ListDefaultThatDoesNotConvert()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("ListDefaultThatDoesNotConvert.list")
        .hasMessageContaining("parameter 'id'")
        .hasMessageContaining("@Default");
  }

  @Test
  void fails_at_startup_for_several_defaults_of_a_single_valued_parameter() {
    assertThatThrownBy(() -> Snel.create().include(new SeveralDefaultsForOneValue()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("SeveralDefaultsForOneValue.list")
        .hasMessageContaining("parameter 'limit'")
        .hasMessageContaining("exactly one value");
  }

  @Test
  void fails_at_startup_for_an_optional_parameter_that_also_has_a_default() {
    assertThatThrownBy(() -> Snel.create().include(new OptionalWithDefault()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("OptionalWithDefault.list")
        .hasMessageContaining("parameter 'limit'")
        .hasMessageContaining("not both");
  }

  public static class UncheckedConstraint {
    @Get("/subscribe")
    public String subscribe(@jakarta.validation.constraints.Past java.time.LocalDate email) {
      return "never";
    }
  }

  @Test
  void a_constraint_snel_does_not_check_on_parameters_fails_instead_of_being_ignored() {
    assertThatThrownBy(() -> Snel.create().include(new UncheckedConstraint()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("UncheckedConstraint.subscribe")
        .hasMessageContaining("'email'")
        .hasMessageContaining("@Past is not supported on parameters");
  }
}
