package dev.snel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestAndHeadersTest {
  @Test
  void a_query_parameter_is_its_last_value_decoded_and_all_values_keep_their_order() {
    Request request =
        Request.builder("GET", "/items?q=a&%71=b&&tag=x+y&q=c&tag=%E2%82%AC&flag").build();

    assertThat(request.query("q")).contains("c");
    assertThat(request.queryAll("q")).containsExactly("a", "b", "c");
    assertThat(request.queryAll("tag")).containsExactly("x y", "€");
    assertThat(request.query("flag")).contains("");
    assertThat(request.query("missing")).isEmpty();
    assertThat(request.queryAll("missing")).isEmpty();
    assertThat(request.queryParams())
        .containsExactly(
            Map.entry("q", List.of("a", "b", "c")),
            Map.entry("tag", List.of("x y", "€")),
            Map.entry("flag", List.of("")));
  }

  @Test
  void a_request_without_a_query_has_no_parameters() {
    Request request = Request.builder("GET", "/items").build();

    assertThat(request.query("q")).isEmpty();
    assertThat(request.queryParams()).isEmpty();
  }

  @Test
  void headers_are_case_insensitive_and_keep_their_order_through_growth_and_removal() {
    Headers headers = Headers.create();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      headers.add("X-N" + i, "v" + i);
      headers.add("Set-Cookie", "c" + i);
      expected.add("x-n" + i + "=v" + i);
    }

    headers.remove("SET-COOKIE");

    List<String> seen = new ArrayList<>();
    headers.forEach((name, value) -> seen.add(name + "=" + value));
    assertThat(seen).isEqualTo(expected);
    assertThat(headers.size()).isEqualTo(20);
    assertThat(headers.first("x-n7")).contains("v7");
    assertThat(headers.contains("set-cookie")).isFalse();
    assertThat(headers.set("x-n3", "new").all("X-N3")).containsExactly("new");
    assertThat(headers.names()).hasSize(20).startsWith("x-n0", "x-n1");
  }

  @Test
  void a_header_that_could_end_its_line_is_refused() {
    assertThatThrownBy(() -> Headers.create().add("x-a", "1\r\nx-b: 2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Headers.create().add("x a", "1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
