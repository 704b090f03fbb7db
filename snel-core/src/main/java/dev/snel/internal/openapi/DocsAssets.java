package dev.snel.internal.openapi;

import dev.snel.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scripts and styles of the docs pages, served from the classpath so the pages work with no
 * internet access: Swagger UI from the {@code org.webjars:swagger-ui} jar, ReDoc's standalone
 * bundle from a resource the build takes from the npm registry. Cached in memory once read; sent
 * with long-lived cache headers since their names change with their versions only on upgrade.
 */
final class DocsAssets {
  private DocsAssets() {}

  private static final Map<String, String> SWAGGER_FILES =
      Map.of(
          "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
          "swagger-ui.css", "text/css; charset=utf-8",
          "favicon-32x32.png", "image/png",
          "favicon-16x16.png", "image/png");
  private static final String REDOC_RESOURCE = "dev/snel/docs/redoc.standalone.js";
  private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

  /** The asset for the path, or null if the path is not an asset. */
  static Response serve(String path, String docsUrl, String redocUrl) {
    if (docsUrl != null && path.startsWith(docsUrl + "/assets/")) {
      String file = path.substring(docsUrl.length() + "/assets/".length());
      String type = SWAGGER_FILES.get(file);
      if (type == null) {
        return null;
      }
      return asset(SwaggerUi.ROOT + file, type);
    }
    if (redocUrl != null && path.equals(redocUrl + "/assets/redoc.standalone.js")) {
      return asset(REDOC_RESOURCE, "text/javascript; charset=utf-8");
    }
    return null;
  }

  private static Response asset(String resource, String type) {
    byte[] bytes = CACHE.computeIfAbsent(resource, DocsAssets::read);
    if (bytes.length == 0) {
      return null;
    }
    return Response.bytes(bytes, type).header("cache-control", "public, max-age=86400");
  }

  private static byte[] read(String resource) {
    try (InputStream in = DocsAssets.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the webjar keeps its files, read once; the path holds the version. */
  private static final class SwaggerUi {
    static final String ROOT = swaggerUiRoot();
  }

  private static String swaggerUiRoot() {
    Properties properties = new Properties();
    try (InputStream in =
        DocsAssets.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
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
