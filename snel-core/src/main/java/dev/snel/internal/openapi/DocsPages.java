package dev.snel.internal.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTML of the documentation pages; their scripts and styles are served by {@link DocsAssets}.
 */
final class DocsPages {
  private DocsPages() {}

  /**
   * Swagger UI, configured like FastAPI's page: the document's URL, then the parameters (FastAPI's
   * defaults and the app's {@code swaggerUiParameter}s, which win), the OAuth2 redirect URL and the
   * presets; then, with OAuth2 settings (FastAPI's {@code swagger_ui_init_oauth}), {@code
   * ui.initOAuth(...)}.
   */
  static String swaggerUi(
      String title,
      String openapiUrl,
      String docsUrl,
      Map<String, Object> parameters,
      Map<String, Object> initOAuth) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("url", openapiUrl);
    config.putAll(parameters);
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s - Swagger UI</title>
        <link rel="stylesheet" type="text/css" href="%s">
        <link rel="icon" type="image/png" href="%s">
        </head>
        <body>
        <div id="swagger-ui"></div>
        <script src="%s"></script>
        <script>
        const config = %s;
        config.oauth2RedirectUrl = window.location.origin + %s;
        config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];
        window.ui = SwaggerUIBundle(config);
        %s</script>
        </body>
        </html>
        """
        .formatted(
            DocsRoutes.escape(title),
            DocsRoutes.escape(DocsAssets.swaggerUiUrl(docsUrl, "swagger-ui.css")),
            DocsRoutes.escape(DocsAssets.swaggerUiUrl(docsUrl, DocsAssets.FAVICON)),
            DocsRoutes.escape(DocsAssets.swaggerUiUrl(docsUrl, "swagger-ui-bundle.js")),
            DocsRoutes.jsValue(config),
            DocsRoutes.jsValue(docsUrl + "/oauth2-redirect"),
            initOAuth.isEmpty()
                ? ""
                : "window.ui.initOAuth(" + DocsRoutes.jsValue(initOAuth) + ");\n");
  }

  /** ReDoc, reading the document from its URL (FastAPI's page, without the Google fonts). */
  static String redoc(String title, String openapiUrl, String redocUrl) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s - ReDoc</title>
        <link rel="icon" type="image/png" href="%s">
        <style>body { margin: 0; padding: 0; }</style>
        </head>
        <body>
        <div id="redoc-container"></div>
        <script src="%s"></script>
        <script>
        Redoc.init(%s, {}, document.getElementById("redoc-container"));
        </script>
        </body>
        </html>
        """
        .formatted(
            DocsRoutes.escape(title),
            DocsRoutes.escape(DocsAssets.redocUrl(redocUrl, DocsAssets.FAVICON)),
            DocsRoutes.escape(DocsAssets.redocUrl(redocUrl, DocsAssets.REDOC_BUNDLE)),
            DocsRoutes.jsValue(openapiUrl));
  }

  /**
   * Swagger UI's OAuth2 redirect target: the web jar's own script hands the authorization response
   * from the query or fragment back to the Swagger UI window that opened the page, then closes it.
   */
  static String oauth2Redirect(String docsUrl) {
    return """
        <!DOCTYPE html>
        <html lang="en-US">
        <head>
        <meta charset="utf-8">
        <title>Swagger UI: OAuth2 Redirect</title>
        </head>
        <body>
        <script src="%s"></script>
        </body>
        </html>
        """
        .formatted(DocsRoutes.escape(DocsAssets.swaggerUiUrl(docsUrl, "oauth2-redirect.js")));
  }
}
