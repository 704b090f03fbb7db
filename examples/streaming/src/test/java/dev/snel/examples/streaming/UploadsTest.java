package dev.snel.examples.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /files/} of the streaming example, in-process and over a real server alike: several
 * files in one field, their hashes, FastAPI's 422 without a file, and the request body in OpenAPI.
 */
class UploadsTest {
  private static SnelServer server;

  @BeforeAll
  static void start() {
    server = SnelServer.start(Main.app(), Uploads.serverConfig(ServerConfig.defaults().port(0)));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static Stream<Supplier<TestClient>> clients() {
    return Stream.of(() -> TestClient.of(Main.app()), () -> TestClient.of(server.baseUri()));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void answers_name_type_size_and_sha256_of_each_file(Supplier<TestClient> clients)
      throws Exception {
    byte[] first = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] second = new byte[3 << 20]; // over the memory threshold: read from a temporary file
    TestResponse response =
        clients
            .get()
            .request("POST", "/files/")
            .file("file", "a.txt", "text/plain", first)
            .file("file", "b.bin", "application/octet-stream", second)
            .send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                "[{\"filename\":\"a.txt\",\"content_type\":\"text/plain\",\"size\":5,"
                    + "\"sha256\":\""
                    + sha256(first)
                    + "\"},{\"filename\":\"b.bin\",\"content_type\":\"application/octet-stream\","
                    + "\"size\":"
                    + second.length
                    + ",\"sha256\":\""
                    + sha256(second)
                    + "\"}]"));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void without_a_file_it_is_fastapis_422(Supplier<TestClient> clients) {
    TestResponse response = clients.get().request("POST", "/files/").field("other", "x").send();
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"file\"],"
                    + "\"msg\":\"Field required\",\"input\":null}]}"));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void documents_a_multipart_request_body(Supplier<TestClient> clients) {
    var document = clients.get().get("/openapi.json").json();
    assertThat(document.at("/paths/~1files~1/post/requestBody/content").propertyNames())
        .containsExactly("multipart/form-data");
    assertThat(document.at("/components/schemas/Body_upload_files__post/properties/file"))
        .isEqualTo(
            TestClient.json(
                "{\"type\":\"array\",\"items\":{\"type\":\"string\",\"contentMediaType\":"
                    + "\"application/octet-stream\"},\"title\":\"File\"}"));
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
