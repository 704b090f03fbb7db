package dev.snel.internal.openapi;

import dev.snel.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTML of the documentation pages; their scripts and styles are served by {@link DocsAssets}. */
final class DocsPages {
  private DocsPages() {}

  static String swaggerUi(String title, String openapiUrl, String docsUrl, Map<String, Object> parameters) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("url", openapiUrl);
    config.putAll(parameters);
    String json = new String(Json.encode(config), StandardCharsets.UTF_8).replace("</", "<\\/");
    String assets = docsUrl + "/assets/";
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s - Swagger UI</title>
        <link rel="stylesheet" type="text/css" href="%sswagger-ui.css">
        <link rel="icon" type="image/png" href="%sfavicon-32x32.png">
        </head>
        <body>
        <div id="swagger-ui"></div>
        <script src="%sswagger-ui-bundle.js"></script>
        <script>
        const config = %s;
        config.oauth2RedirectUrl = window.location.origin + %s;
        config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];
        window.ui = SwaggerUIBundle(config);
        </script>
        </body>
        </html>
        """
        .formatted(
            DocsRoutes.escape(title), assets, assets, assets, json, DocsRoutes.jsString(docsUrl + "/oauth2-redirect"));
  }

  static String redoc(String title, String openapiUrl, String redocUrl) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s - ReDoc</title>
        <style>body { margin: 0; padding: 0; }</style>
        </head>
        <body>
        <div id="redoc-container"></div>
        <script src="%s/assets/redoc.standalone.js"></script>
        <script>
        Redoc.init(%s, {}, document.getElementById("redoc-container"));
        </script>
        </body>
        </html>
        """
        .formatted(DocsRoutes.escape(title), redocUrl, DocsRoutes.jsString(openapiUrl));
  }

  /**
   * Swagger UI's OAuth2 redirect target: hands the authorization response from the query or
   * fragment back to the Swagger UI window that opened it, then closes.
   */
  static String oauth2Redirect() {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head><title>Swagger UI: OAuth2 Redirect</title></head>
        <body>
        <script>
        'use strict';
        (function () {
          const oauth2 = window.opener.swaggerUIRedirectOauth2;
          const sentState = oauth2.state;
          const redirectUrl = oauth2.redirectUrl;
          const raw = /code|token|error/.test(window.location.hash)
              ? window.location.hash.substring(1) : window.location.search.substring(1);
          const params = Object.fromEntries(new URLSearchParams(raw));
          const isValid = params.state === sentState;
          const flow = oauth2.auth.schema.get("flow");
          if ((flow === "accessCode" || flow === "authorizationCode" || flow === "authorization_code")
              && !oauth2.auth.code) {
            if (!isValid) {
              oauth2.errCb({authId: oauth2.auth.name, source: "auth", level: "warning",
                message: "Authorization may be unsafe, passed state was changed in server. The passed state wasn't returned from auth server."});
            }
            if (params.code) {
              delete oauth2.state;
              oauth2.auth.code = params.code;
              oauth2.callback({auth: oauth2.auth, redirectUrl: redirectUrl});
            } else {
              const reason = params.error
                  ? "[" + params.error + "]: " + (params.error_description || "no accessCode received from the server") + (params.error_uri ? " More info: " + params.error_uri : "")
                  : "[Authorization failed]: no accessCode received from the server.";
              oauth2.errCb({authId: oauth2.auth.name, source: "auth", level: "error", message: reason});
            }
          } else {
            oauth2.callback({auth: oauth2.auth, token: params, isValid: isValid, redirectUrl: redirectUrl});
          }
          window.close();
        })();
        </script>
        </body>
        </html>
        """;
  }
}
