package dev.snel.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Form;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.UploadFile;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * UploadFile parameters through the in-process TestClient, as FastAPI's request-files tutorial
 * reads them: one file, several files in one field, an optional file, files beside form fields;
 * FastAPI's 422s for missing ones and its OpenAPI request body.
 */
class UploadFilesTest {
  static final List<Path> seen = new ArrayList<>();

  public static class Routes {
    @Post("/uploadfile/")
    public Map<String, Object> one(UploadFile file) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("filename", file.filename());
      out.put("content_type", file.contentType().orElse(null));
      out.put("size", file.size());
      out.put("content", new String(file.bytes(), StandardCharsets.UTF_8));
      return out;
    }

    @Post("/uploadfiles/")
    public Map<String, Object> many(List<UploadFile> files) {
      return Map.of("filenames", files.stream().map(UploadFile::filename).toList());
    }

    @Post("/optional/")
    public Map<String, Object> optional(Optional<UploadFile> file) {
      return Map.of("message", file.map(f -> f.filename()).orElse("No upload file sent"));
    }

    @Post("/with-fields/")
    public Map<String, Object> withFields(UploadFile file, @Form String token, @Form int count) {
      return Map.of("file_size", file.size(), "token", token, "count", count);
    }

    @Post("/big/")
    public Map<String, Object> big(UploadFile file) throws Exception {
      Path copy = Files.createTempFile("snel-test-", ".bin");
      long copied = file.transferTo(copy);
      Files.delete(copy);
      return Map.of("on_disk", file.onDisk(), "copied", copied);
    }
  }

  public record Profile(String name, @dev.snel.Default("0") int age) {}

  /** A dependency reading the upload, as FastAPI lets one. */
  public static class Avatar {
    public String filename(UploadFile avatar) {
      return avatar.filename();
    }
  }

  public static class MoreRoutes {
    @Post("/profile/")
    public Profile profile(@Form Profile profile) {
      return profile;
    }

    @Post("/avatar/")
    public Map<String, Object> avatar(@dev.snel.Depends(Avatar.class) String filename) {
      return Map.of("avatar", filename);
    }
  }

  private static final Snel app = Snel.create().include(new Routes()).include(new MoreRoutes());
  private static final TestClient client = TestClient.of(app);

  @Test
  void reads_one_file_with_its_name_type_size_and_content() {
    TestResponse response =
        client
            .request("POST", "/uploadfile/")
            .file("file", "test.txt", "text/plain", "<file content>".getBytes())
            .send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                "{\"filename\":\"test.txt\",\"content_type\":\"text/plain\",\"size\":14,"
                    + "\"content\":\"<file content>\"}"));
  }

  @Test
  void reads_several_files_sent_in_one_field_in_order() {
    TestResponse response =
        client
            .request("POST", "/uploadfiles/")
            .file("files", "test.txt", "text/plain", "<file content>".getBytes())
            .file("files", "test2.txt", "text/plain", "<file content2>".getBytes())
            .send();
    assertThat(response.json())
        .isEqualTo(TestClient.json("{\"filenames\":[\"test.txt\",\"test2.txt\"]}"));
  }

  @Test
  void a_missing_file_is_fastapis_422() {
    TestResponse response = client.request("POST", "/uploadfile/").send();
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"file\"],"
                    + "\"msg\":\"Field required\",\"input\":null}]}"));
    TestResponse json = client.post("/uploadfiles/", Map.of("file", "Foo"));
    assertThat(json.json())
        .isEqualTo(
            TestClient.json(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"files\"],"
                    + "\"msg\":\"Field required\",\"input\":null}]}"));
  }

  @Test
  void text_where_a_file_is_declared_is_fastapis_value_error() {
    TestResponse response = client.request("POST", "/uploadfile/").field("file", "Foo").send();
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                "{\"detail\":[{\"type\":\"value_error\",\"loc\":[\"body\",\"file\"],"
                    + "\"msg\":\"Value error, Expected UploadFile, received: <class 'str'>\","
                    + "\"input\":\"Foo\",\"ctx\":{\"error\":{}}}]}"));
  }

  @Test
  void an_optional_file_may_be_left_out() {
    assertThat(client.request("POST", "/optional/").send().json().get("message").asString())
        .isEqualTo("No upload file sent");
    assertThat(
            client
                .request("POST", "/optional/")
                .file("file", "a.bin", "application/octet-stream", new byte[] {1})
                .send()
                .json()
                .get("message")
                .asString())
        .isEqualTo("a.bin");
  }

  @Test
  void form_fields_are_read_from_the_same_multipart_body_and_missing_ones_are_422() {
    TestResponse ok =
        client
            .request("POST", "/with-fields/")
            .file("file", "a.txt", "text/plain", "abc".getBytes())
            .field("token", "t0k")
            .field("count", "3")
            .send();
    assertThat(ok.json())
        .isEqualTo(TestClient.json("{\"file_size\":3,\"token\":\"t0k\",\"count\":3}"));
    TestResponse missing = client.request("POST", "/with-fields/").field("count", "x").send();
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().get("detail").toString())
        .contains("[\"body\",\"file\"]", "[\"body\",\"token\"]", "int_parsing");
  }

  @Test
  void a_file_over_the_memory_threshold_is_spooled_to_disk() {
    byte[] content = new byte[3 << 20];
    TestResponse response =
        client
            .request("POST", "/big/")
            .file("file", "big.bin", "application/octet-stream", content)
            .send();
    assertThat(response.json())
        .isEqualTo(TestClient.json("{\"on_disk\":true,\"copied\":" + content.length + "}"));
  }

  @Test
  void a_multipart_body_without_boundary_is_starlettes_400() {
    TestResponse response =
        client.request("POST", "/uploadfile/").body(new byte[0], "multipart/form-data").send();
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json())
        .isEqualTo(TestClient.json("{\"detail\":\"Missing boundary in multipart.\"}"));
  }

  @Test
  void a_truncated_multipart_body_is_fastapis_400() {
    byte[] body =
        ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc")
            .getBytes();
    TestResponse response =
        client.request("POST", "/uploadfile/").body(body, "multipart/form-data; boundary=b").send();
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json())
        .isEqualTo(TestClient.json("{\"detail\":\"There was an error parsing the body\"}"));
  }

  @Test
  void a_form_model_and_a_dependency_read_a_multipart_body() {
    assertThat(
            client
                .request("POST", "/profile/")
                .field("name", "Ada")
                .field("age", "36")
                .send()
                .json())
        .isEqualTo(TestClient.json("{\"name\":\"Ada\",\"age\":36}"));
    assertThat(
            client
                .request("POST", "/avatar/")
                .file("avatar", "me.png", "image/png", new byte[] {1, 2})
                .send()
                .json())
        .isEqualTo(TestClient.json("{\"avatar\":\"me.png\"}"));
    assertThat(client.request("POST", "/avatar/").send().json().toString())
        .contains("[\"body\",\"avatar\"]", "missing");
  }

  @Test
  void content_full_of_near_boundaries_is_read_in_one_pass() {
    // every position starts a partial match of the delimiter: a naive search rescans each
    String boundary = "b".repeat(70);
    String nearMiss = "\r\n--" + "b".repeat(69) + "x";
    String content = nearMiss.repeat(50_000); // 3.8 MB
    byte[] body =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\"\r\n\r\n"
                + content
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes();
    TestResponse response =
        client
            .request("POST", "/uploadfiles/")
            .body(body, "multipart/form-data; boundary=" + boundary)
            .send();
    assertThat(response.json()).isEqualTo(TestClient.json("{\"filenames\":[\"a\"]}"));
  }

  @Test
  void the_openapi_30_document_says_format_binary() {
    Snel app30 = Snel.create().include(new Routes());
    app30.openApi().openApi30(true);
    JsonNode file =
        TestClient.json(app30.openApiJson())
            .at("/components/schemas/Body_one_uploadfile__post/properties/file");
    assertThat(file)
        .isEqualTo(
            TestClient.json("{\"type\":\"string\",\"format\":\"binary\",\"title\":\"File\"}"));
  }

  @Test
  void a_part_without_a_name_is_skipped() {
    byte[] body =
        ("--b\r\nContent-Disposition: form-data; filename=\"x\"\r\n\r\nabc\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\"\r\n\r\n"
                + "abcd\r\n--b--\r\n")
            .getBytes();
    TestResponse response =
        client
            .request("POST", "/uploadfiles/")
            .body(body, "multipart/form-data; boundary=b")
            .send();
    // FileUpload skips it, where Starlette answers 400 (docs/differences.md)
    assertThat(response.json()).isEqualTo(TestClient.json("{\"filenames\":[\"a\"]}"));
  }

  @Test
  void documents_the_request_body_as_fastapi_does() {
    JsonNode document = TestClient.json(app.openApiJson());
    JsonNode body = document.at("/paths/~1uploadfiles~1/post/requestBody");
    assertThat(body)
        .isEqualTo(
            TestClient.json(
                "{\"content\":{\"multipart/form-data\":{\"schema\":{\"$ref\":"
                    + "\"#/components/schemas/Body_many_uploadfiles__post\"}}},\"required\":true}"));
    assertThat(document.at("/components/schemas/Body_many_uploadfiles__post"))
        .isEqualTo(
            TestClient.json(
                "{\"properties\":{\"files\":{\"type\":\"array\",\"items\":{\"type\":\"string\","
                    + "\"contentMediaType\":\"application/octet-stream\"},\"title\":\"Files\"}},"
                    + "\"type\":\"object\",\"required\":[\"files\"],"
                    + "\"title\":\"Body_many_uploadfiles__post\"}"));
    assertThat(document.at("/components/schemas/Body_optional_optional__post/properties/file"))
        .isEqualTo(
            TestClient.json(
                "{\"anyOf\":[{\"type\":\"string\",\"contentMediaType\":"
                    + "\"application/octet-stream\"},{\"type\":\"null\"}],\"title\":\"File\"}"));
  }
}
