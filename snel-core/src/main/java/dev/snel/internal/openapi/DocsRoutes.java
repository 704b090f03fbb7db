package dev.snel.internal.openapi;

import dev.snel.HttpException;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.internal.json.Json;
import dev.snel.internal.pipeline.BuiltinRoutes;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Serves the OpenAPI document, Swagger UI, its OAuth2 redirect page, ReDoc and the pages' assets,
 * each at its configured path (or not at all), answering GET and HEAD like FastAPI's own routes:
 * any other method gets 405 with {@code allow: GET, HEAD}, and a page's path with a trailing slash
 * is redirected (307) to the path without, as Starlette does for any route.
 *
 * <p>Thread-safe: the document and the pages are made once, on first use, and served from memory.
 */
public final class DocsRoutes implements BuiltinRoutes {
  private static final Map<String, String> ALLOW = Map.of("allow", "GET, HEAD");

  private final String title;
  private final @Nullable String openapiUrl;
  private final @Nullable String docsUrl;
  private final @Nullable String redocUrl;
  private final Map<String, Object> swaggerUiParameters;
  private final Map<String, Object> swaggerUiInitOAuth;
  private final Supplier<byte[]> document;
  private volatile byte @Nullable [] cached;
  private volatile @Nullable String swaggerUiPage;
  private volatile @Nullable String redocPage;

  /**
   * @param title the API's title, shown in the pages' titles
   * @param openapiUrl where the document is served, or null for nowhere (and no pages)
   * @param docsUrl where Swagger UI is served, or null
   * @param redocUrl where ReDoc is served, or null
   * @param swaggerUiParameters Swagger UI's configuration, in order
   * @param swaggerUiInitOAuth the settings of Swagger UI's OAuth2 login, in order; empty for none
   * @param document makes the document's JSON, called once
   */
  public DocsRoutes(
      String title,
      @Nullable String openapiUrl,
      @Nullable String docsUrl,
      @Nullable String redocUrl,
      Map<String, Object> swaggerUiParameters,
      Map<String, Object> swaggerUiInitOAuth,
      Supplier<byte[]> document) {
    this.title = title;
    this.openapiUrl = openapiUrl;
    this.docsUrl = openapiUrl == null ? null : docsUrl;
    this.redocUrl = openapiUrl == null ? null : redocUrl;
    this.swaggerUiParameters =
        Collections.unmodifiableMap(new LinkedHashMap<>(swaggerUiParameters));
    this.swaggerUiInitOAuth = Collections.unmodifiableMap(new LinkedHashMap<>(swaggerUiInitOAuth));
    this.document = document;
  }

  @Override
  public @Nullable Response handle(Request request) {
    String path = request.path();
    boolean asset = DocsAssets.isAsset(path, docsUrl, redocUrl);
    boolean page = isPage(path) || asset;
    boolean slashed = !page && path.endsWith("/") && isPage(path.substring(0, path.length() - 1));
    if (!page && !slashed) {
      return null;
    }
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      throw new HttpException(405, "Method Not Allowed", ALLOW);
    }
    if (slashed) {
      String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
      return Response.redirect(request.baseUrl() + path.substring(0, path.length() - 1) + query);
    }
    if (asset) {
      return DocsAssets.serve(request, docsUrl, redocUrl);
    }
    if (path.equals(openapiUrl)) {
      return Response.rawJson(document());
    }
    if (path.equals(docsUrl)) {
      return Response.html(swaggerUiPage());
    }
    if (path.equals(redocUrl)) {
      return Response.html(redocPage());
    }
    // isPage matched docsUrl + "/oauth2-redirect", so there is a docsUrl
    return Response.html(
        DocsPages.oauth2Redirect(Objects.requireNonNull(docsUrl, "oauth2-redirect without docs")));
  }

  private boolean isPage(String path) {
    return path.equals(openapiUrl)
        || path.equals(docsUrl)
        || path.equals(redocUrl)
        || (docsUrl != null && path.equals(docsUrl + "/oauth2-redirect"));
  }

  /** The document's JSON, made on first use. */
  public byte[] document() {
    byte[] json = cached;
    if (json == null) {
      synchronized (this) {
        json = cached;
        if (json == null) {
          json = document.get();
          cached = json;
        }
      }
    }
    return json;
  }

  // Racing first requests may each make a page; they make the same text, and one is kept.
  private String swaggerUiPage() {
    String page = swaggerUiPage;
    if (page == null) {
      // served at docsUrl, which the constructor keeps only with an openapiUrl
      page =
          DocsPages.swaggerUi(
              title,
              Objects.requireNonNull(openapiUrl, "docs without a document"),
              Objects.requireNonNull(docsUrl, "docs without a docs URL"),
              swaggerUiParameters,
              swaggerUiInitOAuth);
      swaggerUiPage = page;
    }
    return page;
  }

  private String redocPage() {
    String page = redocPage;
    if (page == null) {
      // served at redocUrl, which the constructor keeps only with an openapiUrl
      page =
          DocsPages.redoc(
              title,
              Objects.requireNonNull(openapiUrl, "ReDoc without a document"),
              Objects.requireNonNull(redocUrl, "ReDoc without a ReDoc URL"));
      redocPage = page;
    }
    return page;
  }

  /** Text for HTML content and attribute values. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /**
   * A value as a JavaScript literal inside a {@code <script>} element: JSON, with every {@code <}
   * written as the escape <code>&#92;u003c</code>, so no {@code </script>} or {@code <!--} in a
   * title or a parameter can end or change the script.
   */
  static String jsValue(Object value) {
    return new String(Json.encode(value), StandardCharsets.UTF_8).replace("<", "\\u003c");
  }
}
