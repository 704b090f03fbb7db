package dev.snel.internal.openapi;

import dev.snel.Request;
import dev.snel.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The scripts, styles and icons of the docs pages, served from the classpath so the pages work with
 * no internet access: Swagger UI from the {@code org.webjars:swagger-ui} jar, ReDoc's standalone
 * bundle from a resource the build takes from the npm registry.
 *
 * <p>Each asset is read once and kept in memory with a fingerprint of its content. The pages link
 * assets as {@code name?v=fingerprint}; an asked-for fingerprint that matches is cached by browsers
 * for a year ({@code immutable}), anything else must be revalidated, against the ETag. So an
 * upgrade of Swagger UI or ReDoc reaches browsers with the next page load.
 *
 * <p>Two edits make the files fit for offline use: their {@code sourceMappingURL} comments are
 * dropped (the maps are not shipped, and the browser's developer tools would report them missing),
 * and ReDoc's sidebar logo, which the bundle loads from Redocly's CDN, is replaced by an empty
 * inline image (the "API docs by Redocly" link stays).
 *
 * <p>Thread-safe.
 */
final class DocsAssets {
  private DocsAssets() {}

  private static final String JS = "text/javascript; charset=utf-8";
  private static final String CSS = "text/css; charset=utf-8";
  private static final String PNG = "image/png";

  /** The files of the Swagger UI web jar served under {@code docsUrl/assets/}, and their types. */
  private static final Map<String, String> SWAGGER_FILES =
      Map.of(
          "swagger-ui-bundle.js", JS,
          "swagger-ui.css", CSS,
          "oauth2-redirect.js", JS,
          "favicon-32x32.png", PNG,
          "favicon-16x16.png", PNG);

  static final String REDOC_BUNDLE = "redoc.standalone.js";
  static final String FAVICON = "favicon-32x32.png";
  private static final String REDOC_RESOURCE = "dev/snel/docs/redoc.standalone.js";
  private static final String REDOC_CDN_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";
  private static final String EMPTY_IMAGE =
      "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";
  private static final String ASSETS = "/assets/";
  private static final String YEAR = "public, max-age=31536000, immutable";
  private static final String REVALIDATE = "no-cache";

  private static final Map<String, Asset> CACHE = new ConcurrentHashMap<>();

  /** An asset's bytes, media type and content fingerprint. */
  // Error Prone's ArrayRecordComponent: an Asset is only cached and read, never compared or hashed
  @SuppressWarnings("ArrayRecordComponent")
  private record Asset(byte[] bytes, String type, String fingerprint) {
    String etag() {
      return "\"" + fingerprint + "\"";
    }
  }

  /** Whether the path names an asset of the docs pages (then {@link #serve} answers it). */
  static boolean isAsset(String path, @Nullable String docsUrl, @Nullable String redocUrl) {
    return find(path, docsUrl, redocUrl) != null;
  }

  /** The asset for the request, 304 if the browser's copy is current; null if there is none. */
  static @Nullable Response serve(
      Request request, @Nullable String docsUrl, @Nullable String redocUrl) {
    Asset asset = find(request.path(), docsUrl, redocUrl);
    if (asset == null) {
      return null;
    }
    boolean current = request.query("v").map(asset.fingerprint()::equals).orElse(false);
    String cacheControl = current ? YEAR : REVALIDATE;
    if (request.header("if-none-match").map(tags -> matches(tags, asset.etag())).orElse(false)) {
      // the length of the representation the browser keeps; a 304 that said 0 could shorten it
      return Response.empty(304)
          .header("etag", asset.etag())
          .header("cache-control", cacheControl)
          .header("content-length", Integer.toString(asset.bytes().length));
    }
    return Response.bytes(asset.bytes(), asset.type())
        .header("etag", asset.etag())
        .header("cache-control", cacheControl)
        .header("x-content-type-options", "nosniff");
  }

  /**
   * The URL a page links an asset of Swagger UI's by: {@code docsUrl/assets/name?v=fingerprint}.
   */
  static String swaggerUiUrl(String docsUrl, String name) {
    return docsUrl + ASSETS + name + "?v=" + swaggerUi(name).fingerprint();
  }

  /**
   * The URL a page links an asset of ReDoc's page by: {@code redocUrl/assets/name?v=fingerprint}.
   */
  static String redocUrl(String redocUrl, String name) {
    Asset asset = name.equals(REDOC_BUNDLE) ? redoc() : swaggerUi(name);
    return redocUrl + ASSETS + name + "?v=" + asset.fingerprint();
  }

  private static @Nullable Asset find(
      String path, @Nullable String docsUrl, @Nullable String redocUrl) {
    if (docsUrl != null && path.startsWith(docsUrl + ASSETS)) {
      String name = path.substring(docsUrl.length() + ASSETS.length());
      return SWAGGER_FILES.containsKey(name) ? swaggerUi(name) : null;
    }
    if (redocUrl != null && path.startsWith(redocUrl + ASSETS)) {
      String name = path.substring(redocUrl.length() + ASSETS.length());
      if (name.equals(REDOC_BUNDLE)) {
        return redoc();
      }
      return name.equals(FAVICON) ? swaggerUi(name) : null;
    }
    return null;
  }

  private static Asset swaggerUi(String name) {
    return CACHE.computeIfAbsent(
        SwaggerUi.ROOT + name,
        resource ->
            load(
                resource,
                // callers name only files of SWAGGER_FILES
                Objects.requireNonNull(
                    SWAGGER_FILES.get(name), () -> "not a Swagger UI file: " + name),
                bytes -> bytes));
  }

  private static Asset redoc() {
    return CACHE.computeIfAbsent(
        REDOC_RESOURCE,
        resource ->
            load(resource, JS, bytes -> text(text(bytes).replace(REDOC_CDN_LOGO, EMPTY_IMAGE))));
  }

  private static Asset load(String resource, String type, UnaryOperator<byte[]> edit) {
    byte[] bytes;
    try (InputStream in = DocsAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource
                + " is not on the classpath: snel-core's jar is incomplete (its build takes ReDoc's bundle"
                + " from the npm registry, and Swagger UI comes from the org.webjars:swagger-ui jar)");
      }
      bytes = edit.apply(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (type.equals(JS) || type.equals(CSS)) {
      bytes = withoutSourceMap(bytes);
    }
    return new Asset(bytes, type, fingerprint(bytes));
  }

  /**
   * Drops a trailing {@code //# sourceMappingURL=...} or {@code /*# sourceMappingURL=... *}{@code
   * /}.
   */
  static byte[] withoutSourceMap(byte[] bytes) {
    String text = text(bytes).stripTrailing();
    int lineStart = text.lastIndexOf('\n') + 1;
    String last = text.substring(lineStart);
    if (last.startsWith("//# sourceMappingURL=") || last.startsWith("/*# sourceMappingURL=")) {
      return text(text.substring(0, lineStart));
    }
    return bytes;
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String tag : ifNoneMatch.split(",", -1)) {
      String trimmed = tag.strip();
      if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static String fingerprint(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Where the web jar keeps its files, read once; the path holds the version. */
  private static final class SwaggerUi {
    static final String ROOT = swaggerUiRoot();
  }

  private static String swaggerUiRoot() {
    Properties properties = new Properties();
    try (InputStream in =
        DocsAssets.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the org.webjars:swagger-ui jar is not on the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "META-INF/resources/webjars/swagger-ui/" + properties.getProperty("version") + "/";
  }
}
