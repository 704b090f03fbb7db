package dev.snel.internal.openapi;

import dev.snel.HttpException;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.internal.json.Json;
import dev.snel.internal.pipeline.BuiltinRoutes;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves the OpenAPI document, Swagger UI, its OAuth2 redirect page and ReDoc, each at its
 * configured path (or not at all), answering GET and HEAD like FastAPI's own routes.
 *
 * <p>Thread-safe: the document is made once, on first use, and served from memory.
 */
public final class DocsRoutes implements BuiltinRoutes {
  private final String title;
  private final String openapiUrl;
  private final String docsUrl;
  private final String redocUrl;
  private final Map<String, Object> swaggerUiParameters;
  private final Supplier<byte[]> document;
  private volatile byte[] cached;

  /**
   * @param openapiUrl where the document is served, or null for nowhere (and no pages)
   * @param docsUrl where Swagger UI is served, or null
   * @param redocUrl where ReDoc is served, or null
   * @param document makes the document's JSON, called once
   */
  public DocsRoutes(
      String title,
      String openapiUrl,
      String docsUrl,
      String redocUrl,
      Map<String, Object> swaggerUiParameters,
      Supplier<byte[]> document) {
    this.title = title;
    this.openapiUrl = openapiUrl;
    this.docsUrl = openapiUrl == null ? null : docsUrl;
    this.redocUrl = openapiUrl == null ? null : redocUrl;
    this.swaggerUiParameters = Map.copyOf(swaggerUiParameters);
    this.document = document;
  }

  @Override
  public Response handle(Request request) {
    String path = request.path();
    Response page = null;
    if (path.equals(openapiUrl)) {
      page = Response.rawJson(document());
    } else if (path.equals(docsUrl)) {
      page = Response.html(DocsPages.swaggerUi(title, openapiUrl, docsUrl, swaggerUiParameters));
    } else if (docsUrl != null && path.equals(docsUrl + "/oauth2-redirect")) {
      page = Response.html(DocsPages.oauth2Redirect());
    } else if (path.equals(redocUrl)) {
      page = Response.html(DocsPages.redoc(title, openapiUrl, redocUrl));
    } else {
      page = DocsAssets.serve(path, docsUrl, redocUrl);
    }
    if (page == null) {
      return null;
    }
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      throw new HttpException(405, "Method Not Allowed", Map.of("allow", "GET, HEAD"));
    }
    return page;
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

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static String jsString(String text) {
    return new String(Json.encode(text), java.nio.charset.StandardCharsets.UTF_8).replace("</", "<\\/");
  }
}
