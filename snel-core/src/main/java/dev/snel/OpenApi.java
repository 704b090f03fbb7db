package dev.snel;

import dev.snel.internal.openapi.DocumentInfo;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The app's OpenAPI document and documentation pages: the document's info, servers and tags, the
 * webhooks the API sends, the response invalid requests get, where the document, Swagger UI and
 * ReDoc are served (or not), and a hook to change the generated document, like FastAPI's
 * constructor arguments and its {@code app.openapi()} override. {@link OpenApiExport} writes the
 * document to a file. Reach it through {@link Snel#openApi()}:
 *
 * <pre>{@code
 * app.openApi()
 *     .title("Items API").version("2.1.0").description("Manage **items**.")
 *     .tag("items", "Operations on items")
 *     .docsUrl("/swagger")        // Swagger UI at /swagger; null turns it off
 *     .customize(doc -> doc.with("info").put("x-logo", "/logo.png"));
 * }</pre>
 *
 * <p>Configure before serving; the document is generated once, on first use, and served from
 * memory. Not thread-safe while being configured.
 */
public final class OpenApi {
  private String title = "Snel";
  private String version = "0.1.0";
  private @Nullable String summary;
  private @Nullable String description;
  private @Nullable String termsOfService;
  private final Map<String, String> contact = new LinkedHashMap<>();
  private final Map<String, String> license = new LinkedHashMap<>();
  private final List<Map<String, String>> servers = new ArrayList<>();
  private final Map<String, String> tags = new LinkedHashMap<>();
  private @Nullable String openapiUrl = "/openapi.json";
  private @Nullable String docsUrl = "/docs";
  private @Nullable String redocUrl = "/redoc";
  private final Map<String, Object> swaggerUiParameters = new LinkedHashMap<>();
  private final Map<String, Object> swaggerUiInitOAuth = new LinkedHashMap<>();
  private final List<Consumer<ObjectNode>> customizers = new ArrayList<>();
  private boolean openApi30;
  private final List<DocumentInfo.Webhook> webhooks = new ArrayList<>();
  private DocumentInfo.ValidationErrorResponse validationError =
      DocumentInfo.ValidationErrorResponse.FASTAPI;

  OpenApi() {
    swaggerUiParameters.put("dom_id", "#swagger-ui");
    swaggerUiParameters.put("layout", "BaseLayout");
    swaggerUiParameters.put("deepLinking", true);
    swaggerUiParameters.put("showExtensions", true);
    swaggerUiParameters.put("showCommonExtensions", true);
  }

  /** The API's title (FastAPI's default is "FastAPI"; Snel's is "Snel"). */
  public OpenApi title(String title) {
    this.title = title;
    return this;
  }

  /** The API's version (not OpenAPI's): "0.1.0" by default. */
  public OpenApi version(String version) {
    this.version = version;
    return this;
  }

  /** A one-line summary of the API. */
  public OpenApi summary(String summary) {
    this.summary = summary;
    return this;
  }

  /** The API's description (Markdown). */
  public OpenApi description(String description) {
    this.description = description;
    return this;
  }

  /** The URL of the terms of service. */
  public OpenApi termsOfService(String url) {
    this.termsOfService = url;
    return this;
  }

  /** The contact: a name, a URL and an e-mail address (each may be null). */
  public OpenApi contact(@Nullable String name, @Nullable String url, @Nullable String email) {
    contact.clear();
    putIfPresent(contact, "name", name);
    putIfPresent(contact, "url", url);
    putIfPresent(contact, "email", email);
    return this;
  }

  /** The license: its name and an SPDX identifier or a URL. */
  public OpenApi license(String name, @Nullable String identifierOrUrl) {
    license.clear();
    license.put("name", name);
    if (identifierOrUrl != null) {
      license.put(identifierOrUrl.contains("/") ? "url" : "identifier", identifierOrUrl);
    }
    return this;
  }

  /** Adds a server the API is served from. */
  public OpenApi server(String url, @Nullable String description) {
    Map<String, String> server = new LinkedHashMap<>();
    server.put("url", url);
    putIfPresent(server, "description", description);
    servers.add(server);
    return this;
  }

  /** Describes a tag; tags are listed in the order described (FastAPI's openapi_tags). */
  public OpenApi tag(String name, String description) {
    tags.put(name, description);
    return this;
  }

  /** Where the document is served; null serves no document (and no docs pages). */
  public OpenApi openapiUrl(@Nullable String url) {
    this.openapiUrl = url;
    return this;
  }

  /** Where Swagger UI is served; null turns it off. */
  public OpenApi docsUrl(@Nullable String url) {
    this.docsUrl = url;
    return this;
  }

  /** Where ReDoc is served; null turns it off. */
  public OpenApi redocUrl(@Nullable String url) {
    this.redocUrl = url;
    return this;
  }

  /**
   * Sets a Swagger UI configuration parameter, like FastAPI's {@code swagger_ui_parameters}: {@code
   * swaggerUiParameter("deepLinking", false)}, {@code ("persistAuthorization", true)}, {@code
   * ("syntaxHighlight", false)}.
   */
  public OpenApi swaggerUiParameter(String name, Object value) {
    swaggerUiParameters.put(name, value);
    return this;
  }

  /**
   * Configures Swagger UI's OAuth2 login (its "Authorize" dialog), like FastAPI's {@code
   * swagger_ui_init_oauth}: the page calls {@code ui.initOAuth(...)} with these settings, in this
   * order. Nothing of them goes into the document. Replaces earlier settings; an empty map calls
   * nothing.
   *
   * <pre>{@code
   * app.openApi().swaggerUiInitOAuth(Map.of(
   *     "clientId", "my-client",
   *     "usePkceWithAuthorizationCodeGrant", true));
   * }</pre>
   *
   * <p>Swagger UI sends the browser back from the authorization server to {@code
   * <docsUrl>/oauth2-redirect}, which Snel serves.
   */
  public OpenApi swaggerUiInitOAuth(Map<String, ?> settings) {
    swaggerUiInitOAuth.clear();
    swaggerUiInitOAuth.putAll(settings);
    return this;
  }

  /** Changes the generated document before it is served (FastAPI's app.openapi() override). */
  public OpenApi customize(Consumer<ObjectNode> customizer) {
    customizers.add(customizer);
    return this;
  }

  /**
   * Serves OpenAPI 3.0.3 instead of 3.1.0, for code generators that do not read 3.1 yet (nullable
   * instead of null types, exclusive bounds as booleans).
   */
  public OpenApi openApi30(boolean enabled) {
    this.openApi30 = enabled;
    return this;
  }

  /**
   * Documents a webhook: a request the API sends to its users' URLs when something happens, listed
   * under the document's {@code webhooks} (OpenAPI 3.1; the 3.0 document leaves them out), like
   * FastAPI's {@code @app.webhooks.post(name)}. Snel does not send it; this only documents what
   * your code sends.
   *
   * <pre>{@code
   * app.openApi().webhook("new-subscription", "POST", Subscription.class,
   *     "Sent to the URL you registered when a user subscribes.");
   * }</pre>
   *
   * @param name the webhook's name, e.g. {@code new-subscription}
   * @param method the HTTP method it is sent with, e.g. {@code POST}
   * @param body the type of the JSON body sent
   * @param description what it is for (Markdown), or null
   */
  public OpenApi webhook(String name, String method, Type body, @Nullable String description) {
    webhooks.add(
        new DocumentInfo.Webhook(
            name, method.toUpperCase(java.util.Locale.ROOT), body, description));
    return this;
  }

  /**
   * Documents a webhook without a description; see {@link #webhook(String, String, Type, String)}.
   */
  public OpenApi webhook(String name, String method, Type body) {
    return webhook(name, method, body, null);
  }

  /**
   * Documents the response of a request that fails validation, for an app whose {@link
   * RequestValidationException} handler answers with another status or body than FastAPI's 422
   * {@code {"detail": [...]}}. Every operation with parameters or a body then lists this status
   * with the body type's schema instead of 422 with {@code HTTPValidationError}.
   *
   * <pre>{@code
   * app.exceptionHandler(RequestValidationException.class,
   *         (request, e) -> Response.json(new Problem("invalid", e.errors().size())).status(400))
   *     .openApi().validationErrorResponse(400, Problem.class);
   * }</pre>
   *
   * @param status the status the handler answers with
   * @param body the type of the body it sends
   */
  public OpenApi validationErrorResponse(int status, Type body) {
    this.validationError = new DocumentInfo.ValidationErrorResponse(status, body);
    return this;
  }

  private static void putIfPresent(Map<String, String> map, String key, @Nullable String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** The document's app-level parts, as configured. */
  DocumentInfo documentInfo() {
    return new DocumentInfo(
        title,
        version,
        summary,
        description,
        termsOfService,
        new LinkedHashMap<>(contact),
        new LinkedHashMap<>(license),
        List.copyOf(servers),
        new LinkedHashMap<>(tags),
        List.copyOf(webhooks),
        validationError);
  }

  String title() {
    return title;
  }

  String version() {
    return version;
  }

  Optional<String> openapiPath() {
    return Optional.ofNullable(openapiUrl);
  }

  Optional<String> docsPath() {
    return Optional.ofNullable(openapiUrl == null ? null : docsUrl);
  }

  Optional<String> redocPath() {
    return Optional.ofNullable(openapiUrl == null ? null : redocUrl);
  }

  Map<String, Object> swaggerUiParameters() {
    return swaggerUiParameters;
  }

  Map<String, Object> swaggerUiInitOAuth() {
    return swaggerUiInitOAuth;
  }

  List<Consumer<ObjectNode>> customizers() {
    return customizers;
  }

  boolean isOpenApi30() {
    return openApi30;
  }
}
