package dev.snel.models;

import static dev.snel.models.Expected.json;
import static dev.snel.models.Expected.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Discriminator;
import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.Tag;
import dev.snel.models.isolated.Note;
import dev.snel.models.isolated.NoteRoutes;
import dev.snel.testing.TestClient;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A compiled model belongs to the app that compiled it, and a union's tag to the union: one record
 * in two discriminated unions answers with each union's discriminator, and two apps in one JVM
 * (even with same-named classes from two class loaders) do not see each other.
 */
class SharedVariantsTest {

  @Discriminator("kind")
  public sealed interface Shape permits Circle, Square {}

  @Discriminator("type")
  public sealed interface Figure permits Circle, Line {}

  @Tag("circle")
  public record Circle(double radius) implements Shape, Figure {}

  @Tag("square")
  public record Square(double side) implements Shape {}

  @Tag("line")
  public record Line(double length) implements Figure {}

  public static class ShapeRoutes {
    @Get("/shape")
    public Shape shape() {
      return new Circle(1);
    }

    @Post("/shape")
    public Shape echo(Shape shape) {
      return shape;
    }
  }

  public static class CircleRoutes {
    @Get("/circle")
    public Circle circle() {
      return new Circle(3);
    }
  }

  public static class FigureRoutes {
    @Get("/figure")
    public Figure figure() {
      return new Circle(2);
    }

    @Post("/figure")
    public Figure echo(Figure figure) {
      return figure;
    }
  }

  @Test
  void a_record_in_two_unions_is_written_and_read_with_each_unions_discriminator() {
    TestClient client =
        TestClient.of(Snel.create().include(new ShapeRoutes()).include(new FigureRoutes()));

    assertThat(client.get("/shape").json())
        .isEqualTo(json("{\"kind\": \"circle\", \"radius\": 1.0}"));
    assertThat(client.get("/figure").json())
        .isEqualTo(json("{\"type\": \"circle\", \"radius\": 2.0}"));
    assertThat(postJson(client, "/shape", "{\"kind\": \"circle\", \"radius\": 3}").json())
        .isEqualTo(json("{\"kind\": \"circle\", \"radius\": 3.0}"));
    assertThat(postJson(client, "/figure", "{\"type\": \"circle\", \"radius\": 4}").json())
        .isEqualTo(json("{\"type\": \"circle\", \"radius\": 4.0}"));
  }

  @Test
  void a_route_answering_with_the_record_itself_writes_no_unions_tag() {
    TestClient client =
        TestClient.of(Snel.create().include(new ShapeRoutes()).include(new CircleRoutes()));

    assertThat(client.get("/circle").json()).isEqualTo(json("{\"radius\": 3.0}"));
    assertThat(client.get("/shape").json())
        .isEqualTo(json("{\"kind\": \"circle\", \"radius\": 1.0}"));
  }

  @Test
  void the_document_describes_the_record_with_each_unions_tag() {
    JsonNode document =
        json(Snel.create().include(new ShapeRoutes()).include(new FigureRoutes()).openApiJson());
    JsonNode schemas = document.get("components").get("schemas");

    JsonNode shape = schemas.get(name(mapping(document, "/shape").get("circle")));
    JsonNode figure = schemas.get(name(mapping(document, "/figure").get("circle")));

    assertThat(shape.get("properties").get("kind"))
        .isEqualTo(json("{\"const\": \"circle\", \"title\": \"Kind\", \"type\": \"string\"}"));
    assertThat(shape.get("properties").has("type")).isFalse();
    assertThat(figure.get("properties").get("type"))
        .isEqualTo(json("{\"const\": \"circle\", \"title\": \"Type\", \"type\": \"string\"}"));
    assertThat(figure.get("properties").has("kind")).isFalse();
  }

  @Test
  void two_apps_in_one_jvm_do_not_share_compiled_models() {
    TestClient shapes = TestClient.of(Snel.create().include(new ShapeRoutes()));
    TestClient figures = TestClient.of(Snel.create().include(new FigureRoutes()));

    assertThat(shapes.get("/shape").json())
        .isEqualTo(json("{\"kind\": \"circle\", \"radius\": 1.0}"));
    assertThat(figures.get("/figure").json())
        .isEqualTo(json("{\"type\": \"circle\", \"radius\": 2.0}"));
  }

  @Test
  void same_named_models_of_two_class_loaders_are_compiled_apart() throws Exception {
    try (IsolatingLoader loader = new IsolatingLoader()) {
      Object isolatedRoutes =
          loader.loadClass(NoteRoutes.class.getName()).getConstructor().newInstance();
      TestClient plain = TestClient.of(Snel.create().include(new NoteRoutes()));
      TestClient isolated = TestClient.of(Snel.create().include(isolatedRoutes));

      assertThat(postJson(plain, "/notes", "{\"text\": \"a\"}").json())
          .isEqualTo(json("{\"text\": \"a\"}"));
      assertThat(postJson(isolated, "/notes", "{\"text\": \"b\"}").status()).isEqualTo(200);
      assertThat(postJson(isolated, "/notes", "{\"text\": \"b\"}").json())
          .isEqualTo(json("{\"text\": \"b\"}"));
    }
  }

  private static JsonNode mapping(JsonNode document, String path) {
    return document
        .get("paths")
        .get(path)
        .get("get")
        .get("responses")
        .get("200")
        .get("content")
        .get("application/json")
        .get("schema")
        .get("discriminator")
        .get("mapping");
  }

  private static String name(JsonNode ref) {
    return ref.asString().substring("#/components/schemas/".length());
  }

  /**
   * Defines Note and NoteRoutes again, from the same class files; Snel's own classes are shared.
   */
  private static final class IsolatingLoader extends URLClassLoader {
    IsolatingLoader() {
      super(
          new URL[] {SharedVariantsTest.class.getProtectionDomain().getCodeSource().getLocation()},
          SharedVariantsTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(Note.class.getName()) && !name.equals(NoteRoutes.class.getName())) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : findClass(name);
      }
    }
  }
}
