import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The training run's client for the JDK's AOT cache (JEP 483/514): sends a request to every
 * operation of a running Snel app's OpenAPI document, several times, so that the classes, linked
 * call sites and method profiles of the real request paths (binding, validation, encoding, the 422
 * and 404 answers, the docs pages) end up in the cache.
 *
 * <pre>
 *   java -cp "lib/*" bin/AotTraining.java http://127.0.0.1:PORT [SECONDS]
 * </pre>
 *
 * <p>Run with the app's own class path (it reads the document with the Jackson the app ships).
 * Waits up to 60 s for the app, then sends rounds of requests for about SECONDS (default 3) and
 * exits; the caller stops the app (SIGTERM), and the JVM writes the cache as it exits. Values come
 * from the document: examples, defaults and enums first, else a small value of the schema's type
 * and format. An answer of any status is fine: training wants the code paths, not a 200. A route
 * that does not answer within a second (an endless stream) is dropped after the first round.
 *
 * <p>Not part of the framework: a plain program examples/run starts once per build. It mutates
 * nothing but the app it talks to, which examples/run starts in a scratch directory.
 */
public final class AotTraining {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final List<String> METHODS =
      List.of("get", "post", "put", "patch", "delete", "head", "options");

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private final URI base;
  private JsonNode document = NODES.objectNode();

  private AotTraining(URI base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: AotTraining http://127.0.0.1:PORT [SECONDS]");
      System.exit(2);
    }
    URI base = URI.create(args[0].replaceAll("/+$", ""));
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
    new AotTraining(base).run(Duration.ofMillis((long) (seconds * 1000)));
  }

  private void run(Duration budget) throws Exception {
    HttpResponse<String> doc = awaitDocument();
    List<HttpRequest> requests = new ArrayList<>();
    if (doc.statusCode() == 200) {
      document = JSON.readTree(doc.body());
      document.path("paths").properties().forEach(p -> addOperations(p.getKey(), p.getValue(), requests));
    }
    for (String extra : List.of("/", "/openapi.json", "/docs", "/redoc", "/not-found-" + 1)) {
      requests.add(HttpRequest.newBuilder(base.resolve(extra)).timeout(TIMEOUT).GET().build());
    }
    long end = System.nanoTime() + budget.toNanos();
    Set<HttpRequest> slow = new HashSet<>();
    int rounds = 0;
    int sent = 0;
    do {
      for (HttpRequest request : requests) {
        if (!slow.contains(request) && !send(request)) {
          slow.add(request);
        }
        sent++;
      }
      rounds++;
    } while (System.nanoTime() < end && rounds < 500);
    System.err.printf(
        "AOT training: %d requests (%d operations, %d rounds) to %s%n",
        sent, requests.size(), rounds, base);
  }

  private HttpResponse<String> awaitDocument() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/openapi.json")).timeout(TIMEOUT).GET().build();
    while (true) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no answer from " + base + " within 60 s", notYet);
        }
        Thread.sleep(20);
      }
    }
  }

  /**
   * True if the whole answer came within the timeout; an endless one (a stream) is cancelled then.
   */
  private boolean send(HttpRequest request) throws InterruptedException {
    CompletableFuture<HttpResponse<Void>> answer =
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    try {
      answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException endless) {
      answer.cancel(true);
      return false;
    } catch (ExecutionException refused) {
      return false;
    }
  }

  private void addOperations(String template, JsonNode item, List<HttpRequest> out) {
    for (String method : METHODS) {
      JsonNode operation = item.path(method);
      if (operation.isObject()) {
        out.add(request(method, template, item, operation));
      }
    }
  }

  private HttpRequest request(String method, String template, JsonNode item, JsonNode operation) {
    String path = template;
    StringJoiner query = new StringJoiner("&");
    HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(TIMEOUT);
    List<JsonNode> parameters = new ArrayList<>();
    item.path("parameters").forEach(parameters::add);
    operation.path("parameters").forEach(parameters::add);
    for (JsonNode parameter : parameters) {
      parameter = resolve(parameter);
      String name = parameter.path("name").asString("");
      JsonNode value = sample(parameter.path("schema"), 0);
      String text = text(value);
      switch (parameter.path("in").asString("")) {
        case "path" -> path = path.replace("{" + name + "}", encode(text.isEmpty() ? "1" : text));
        case "query" -> query.add(encode(name) + "=" + encode(text));
        case "header" -> builder.header(name, text.isEmpty() ? "x" : text);
        case "cookie" -> builder.header("Cookie", name + "=" + encode(text));
        default -> {}
      }
    }
    String uri = path + (query.length() > 0 ? "?" + query : "");
    builder.uri(base.resolve(uri));
    JsonNode content = resolve(operation.path("requestBody")).path("content");
    if (content.has("application/json")) {
      JsonNode body = sample(content.path("application/json").path("schema"), 0);
      builder.header("Content-Type", "application/json");
      return builder.method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }
    if (content.has("application/x-www-form-urlencoded")) {
      JsonNode body = sample(content.path("application/x-www-form-urlencoded").path("schema"), 0);
      StringJoiner form = new StringJoiner("&");
      body.properties().forEach(p -> form.add(encode(p.getKey()) + "=" + encode(text(p.getValue()))));
      builder.header("Content-Type", "application/x-www-form-urlencoded");
      return builder.method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString(form.toString())).build();
    }
    if (content.has("multipart/form-data")) {
      JsonNode body = sample(content.path("multipart/form-data").path("schema"), 0);
      String boundary = "aot-training-boundary";
      StringBuilder parts = new StringBuilder();
      body.properties()
          .forEach(
              p ->
                  parts
                      .append("--").append(boundary).append("\r\n")
                      .append("Content-Disposition: form-data; name=\"").append(p.getKey())
                      .append("\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n")
                      .append(text(p.getValue())).append("\r\n"));
      parts.append("--").append(boundary).append("--\r\n");
      builder.header("Content-Type", "multipart/form-data; boundary=" + boundary);
      return builder.method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString(parts.toString())).build();
    }
    return builder.method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody()).build();
  }

  /** A small value that the schema accepts, as far as its keywords tell. */
  private JsonNode sample(JsonNode schema, int depth) {
    schema = resolve(schema);
    if (depth > 8) {
      return NODES.nullNode();
    }
    for (String given : List.of("example", "default", "const")) {
      if (schema.has(given)) {
        return schema.get(given);
      }
    }
    if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
      return schema.path("examples").get(0);
    }
    if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
      return schema.path("enum").get(0);
    }
    for (String choice : List.of("anyOf", "oneOf", "allOf")) {
      for (JsonNode alternative : schema.path(choice)) {
        if (!"null".equals(resolve(alternative).path("type").asString(""))) {
          return sample(alternative, depth + 1);
        }
      }
    }
    String type = schema.path("type").asString("");
    if (schema.path("type").isArray()) {
      for (JsonNode t : schema.path("type")) {
        if (!"null".equals(t.asString())) {
          type = t.asString();
          break;
        }
      }
    }
    if (type.isEmpty() && schema.has("properties")) {
      type = "object";
    }
    return switch (type) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        schema.path("properties").properties().forEach(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
        yield object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        int items = Math.max(1, schema.path("minItems").asInt(1));
        for (int i = 0; i < items; i++) {
          array.add(sample(schema.path("items"), depth + 1));
        }
        yield array;
      }
      case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
      case "number" -> NODES.numberNode(Math.max(1.5, schema.path("minimum").asDouble(1.5)));
      case "boolean" -> NODES.booleanNode(true);
      case "string" -> NODES.stringNode(string(schema));
      default -> NODES.stringNode("1");
    };
  }

  private static String string(JsonNode schema) {
    String value =
        switch (schema.path("format").asString("")) {
          case "email" -> "alice@example.com";
          case "date" -> "2024-01-01";
          case "date-time" -> "2024-01-01T00:00:00Z";
          case "time" -> "12:00:00";
          case "uuid" -> "123e4567-e89b-12d3-a456-426614174000";
          case "uri", "url" -> "https://example.com/";
          case "binary" -> "training";
          default -> "secret123";
        };
    int min = schema.path("minLength").asInt(0);
    int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    while (value.length() < min) {
      value += "x";
    }
    return value.length() > max ? value.substring(0, Math.max(min, max)) : value;
  }

  /** The node itself, or what its {@code $ref} (into this document) names. */
  private JsonNode resolve(JsonNode node) {
    for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
      String ref = node.path("$ref").asString("");
      if (!ref.startsWith("#/")) {
        return NODES.objectNode();
      }
      JsonNode target = document;
      for (String part : ref.substring(2).split("/")) {
        target = target.path(part.replace("~1", "/").replace("~0", "~"));
      }
      node = target;
    }
    return node;
  }

  /** A sample value as the text of a parameter or form field (an array's first item). */
  private static String text(JsonNode value) {
    if (value.isArray()) {
      return value.isEmpty() ? "" : text(value.get(0));
    }
    return value.isContainer() ? value.toString() : value.asString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
