package dev.snel.openapi;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.Get;
import dev.snel.OpenApiExport;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The document is written to a file from the app's factory method, without a server. */
class OpenApiExportTest {
  public static class Routes {
    @Get("/ping")
    public String ping() {
      return "pong";
    }
  }

  /** The factory the export calls. */
  public static Snel app() {
    Snel app = Snel.create().include(new Routes());
    app.openApi().title("Ping");
    return app;
  }

  /** Another factory, named after the #. */
  public static Snel pingApp() {
    return app();
  }

  /** Not a factory: it takes an argument. */
  public static Snel withArgument(String title) {
    return app();
  }

  @Test
  void writes_what_openapi_json_serves(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nested/openapi.json");
    OpenApiExport.main(new String[] {OpenApiExportTest.class.getName(), file.toString()});
    String written = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(json(written)).isEqualTo(TestClient.of(app()).get("/openapi.json").json());
    assertThat(json(written).get("info").get("title").asString()).isEqualTo("Ping");
  }

  @Test
  void a_method_after_the_hash_is_the_factory(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("openapi.json");
    OpenApiExport.write(OpenApiExport.app(OpenApiExportTest.class.getName() + "#pingApp"), file);
    assertThat(json(Files.readString(file)).get("paths").has("/ping")).isTrue();
  }

  @Test
  void a_wrong_factory_is_named_in_the_error() {
    assertThatThrownBy(() -> OpenApiExport.app("com.example.Nowhere"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no class com.example.Nowhere on the classpath");
    assertThatThrownBy(() -> OpenApiExport.app(OpenApiExportTest.class.getName() + "#withArgument"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no public method withArgument() without parameters");
  }
}
