package dev.snel;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ResponsesTest {

  public record Item(String name, double price, LocalDate added, String note) {}

  public static class Routes {
    @Get("/record")
    public Item record() {
      return new Item("Foo", 35.4, LocalDate.of(2024, 1, 31), null);
    }

    @Get("/list")
    public List<Integer> list() {
      return List.of(1, 2, 3);
    }

    @Get("/string")
    public String string() {
      return "hello";
    }

    @Get("/number")
    public int number() {
      return 42;
    }

    @Get("/null")
    public Object nothing() {
      return null;
    }

    @Get("/void")
    public void noResult() {}

    @Post("/created")
    @Status(201)
    public Map<String, Object> created() {
      return Map.of("id", 1);
    }

    @Delete("/gone")
    @Status(204)
    public void gone() {}

    @Get("/text")
    public Response text() {
      return Response.text("plain words");
    }

    @Get("/html")
    public Response html() {
      return Response.html("<h1>Hi</h1>");
    }

    @Get("/redirect")
    public Response redirect() {
      return Response.redirect("/record");
    }

    @Get("/bytes")
    public Response bytes() {
      return Response.bytes(new byte[] {1, 2, 3}, "application/octet-stream")
          .header("x-kind", "raw");
    }

    @Get("/shaped")
    public Map<String, Object> shaped(Response response) {
      response.status(202).header("x-cache", "miss").cookie("seen", "1");
      return Map.of("ok", true);
    }

    @Get("/async")
    public CompletionStage<Item> async() {
      return CompletableFuture.supplyAsync(
          () -> new Item("Later", 1.5, LocalDate.of(2024, 2, 1), "n"));
    }

    @Get("/async-failure")
    public CompletionStage<Item> asyncFailure() {
      return CompletableFuture.failedFuture(new HttpException(409, "Conflict later"));
    }

    @Get("/inline")
    @NonBlocking
    public Map<String, Object> inline() {
      return Map.of("virtual", Thread.currentThread().isVirtual());
    }

    @Get("/thread")
    public Map<String, Object> thread() {
      return Map.of("virtual", Thread.currentThread().isVirtual());
    }
  }

  private final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @Test
  void a_record_is_encoded_as_json_in_declaration_order_with_iso_dates_and_nulls() {
    TestResponse response = client.get("/record");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.text())
        .isEqualTo("{\"name\":\"Foo\",\"price\":35.4,\"added\":\"2024-01-31\",\"note\":null}");
  }

  @Test
  void lists_strings_numbers_and_null_are_json_too() {
    assertThat(client.get("/list").text()).isEqualTo("[1,2,3]");
    assertThat(client.get("/string").text()).isEqualTo("\"hello\"");
    assertThat(client.get("/number").text()).isEqualTo("42");
    assertThat(client.get("/null").text()).isEqualTo("null");
    assertThat(client.get("/void").text()).isEqualTo("null");
  }

  @Test
  void the_declared_status_code_is_used() {
    TestResponse response = client.post("/created", Map.of());
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json()).isEqualTo(json("{\"id\":1}"));
  }

  @Test
  void a_204_route_sends_no_body() {
    TestResponse response = client.delete("/gone");
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void explicit_responses_carry_their_media_types() {
    assertThat(client.get("/text").header("content-type")).contains("text/plain; charset=utf-8");
    assertThat(client.get("/text").text()).isEqualTo("plain words");
    assertThat(client.get("/html").header("content-type")).contains("text/html; charset=utf-8");
    TestResponse bytes = client.get("/bytes");
    assertThat(bytes.body()).containsExactly(1, 2, 3);
    assertThat(bytes.header("content-type")).contains("application/octet-stream");
    assertThat(bytes.header("x-kind")).contains("raw");
  }

  @Test
  void a_redirect_is_a_307_with_location() {
    TestResponse response = client.get("/redirect");
    assertThat(response.status()).isEqualTo(307);
    assertThat(response.header("location")).contains("/record");
  }

  @Test
  void an_injected_response_sets_status_headers_and_cookies_of_the_json_response() {
    TestResponse response = client.get("/shaped");
    assertThat(response.status()).isEqualTo(202);
    assertThat(response.header("x-cache")).contains("miss");
    assertThat(response.header("set-cookie")).contains("seen=1; Path=/; SameSite=lax");
    assertThat(response.json()).isEqualTo(json("{\"ok\":true}"));
  }

  @Test
  void a_completion_stage_result_is_awaited_and_encoded() {
    assertThat(client.get("/async").json())
        .isEqualTo(
            json("{\"name\":\"Later\",\"price\":1.5,\"added\":\"2024-02-01\",\"note\":\"n\"}"));
  }

  @Test
  void a_failed_completion_stage_goes_through_the_exception_handlers() {
    TestResponse response = client.get("/async-failure");
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json()).isEqualTo(json("{\"detail\":\"Conflict later\"}"));
  }

  @Test
  void handlers_run_on_virtual_threads_unless_marked_non_blocking() {
    assertThat(client.get("/thread").json()).isEqualTo(json("{\"virtual\":true}"));
    assertThat(client.get("/inline").json()).isEqualTo(json("{\"virtual\":false}"));
  }

  @Test
  void utf8_text_is_sent_as_utf8() {
    assertThat(Response.text("café").body()).isEqualTo("café".getBytes(StandardCharsets.UTF_8));
  }

  @NonBlocking
  public static final class InlineRoutes extends Routes {}

  @Test
  void a_non_blocking_subclass_runs_its_inherited_routes_on_the_calling_thread() {
    TestClient inline = TestClient.of(Snel.create().include(new InlineRoutes()));
    assertThat(inline.get("/thread").json()).isEqualTo(json("{\"virtual\":false}"));
  }

  @NonBlocking
  public static final class Contradicting {
    @Offload
    @Get("/both")
    public String both() {
      return "never";
    }
  }

  @Test
  void a_route_cannot_be_both_non_blocking_and_offloaded() {
    assertThatThrownBy(() -> Snel.create().include(new Contradicting()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("Contradicting.both")
        .hasMessageContaining("@NonBlocking")
        .hasMessageContaining("@Offload");
  }

  /** In-process, an offloaded route runs on a virtual thread like any other. */
  public static final class Offloaded {
    @Offload
    @Get("/offloaded")
    public Map<String, Object> offloaded() {
      return Map.of("virtual", Thread.currentThread().isVirtual());
    }
  }

  @Test
  void an_offloaded_route_runs_on_a_virtual_thread() {
    TestClient offloaded = TestClient.of(Snel.create().include(new Offloaded()));
    assertThat(offloaded.get("/offloaded").json()).isEqualTo(json("{\"virtual\":true}"));
  }
}
