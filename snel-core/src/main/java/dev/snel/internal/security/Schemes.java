package dev.snel.internal.security;

import dev.snel.Request;
import dev.snel.internal.json.Json;
import dev.snel.internal.params.AnnotationResolver;
import dev.snel.internal.params.Injection;
import dev.snel.security.ApiKeyCookie;
import dev.snel.security.ApiKeyHeader;
import dev.snel.security.ApiKeyQuery;
import dev.snel.security.HttpAuthorizationCredentials;
import dev.snel.security.HttpBasic;
import dev.snel.security.HttpBasicCredentials;
import dev.snel.security.HttpBearer;
import dev.snel.security.HttpDigest;
import dev.snel.security.OAuth2AuthorizationCodeBearer;
import dev.snel.security.OAuth2PasswordBearer;
import dev.snel.security.OAuth2Scope;
import dev.snel.security.OpenIdConnect;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * FastAPI's security schemes as parameter annotations: how each reads the request, what it answers
 * without credentials, and its OpenAPI entry (keys in the order FastAPI's models write them).
 */
public final class Schemes {
  private Schemes() {}

  /** Makes the app's parameters understand every built-in scheme annotation. */
  public static void registerAll(Injection injection) {
    injection.register(OAuth2PasswordBearer.class, Schemes::passwordBearer);
    injection.register(OAuth2AuthorizationCodeBearer.class, Schemes::authorizationCodeBearer);
    injection.register(OpenIdConnect.class, Schemes::openIdConnect);
    injection.register(HttpBearer.class, Schemes::httpBearer);
    injection.register(HttpDigest.class, Schemes::httpDigest);
    injection.register(HttpBasic.class, Schemes::httpBasic);
    injection.register(ApiKeyHeader.class, Schemes::apiKeyHeader);
    injection.register(ApiKeyQuery.class, Schemes::apiKeyQuery);
    injection.register(ApiKeyCookie.class, Schemes::apiKeyCookie);
  }

  private static AnnotationResolver.Resolved passwordBearer(
      OAuth2PasswordBearer a, Parameter parameter, List<String> scopes) {
    ObjectNode flow = flow(a.refreshUrl(), a.scopes()).put("tokenUrl", a.tokenUrl());
    return Credential.resolve(
        parameter,
        "@OAuth2PasswordBearer",
        String.class,
        a.autoError(),
        "Bearer",
        Schemes::bearerToken,
        name(a.schemeName(), "OAuth2PasswordBearer"),
        oauth2(a.description(), "password", flow),
        scopes);
  }

  private static AnnotationResolver.Resolved authorizationCodeBearer(
      OAuth2AuthorizationCodeBearer a, Parameter parameter, List<String> scopes) {
    ObjectNode flow =
        flow(a.refreshUrl(), a.scopes())
            .put("authorizationUrl", a.authorizationUrl())
            .put("tokenUrl", a.tokenUrl());
    return Credential.resolve(
        parameter,
        "@OAuth2AuthorizationCodeBearer",
        String.class,
        a.autoError(),
        "Bearer",
        Schemes::bearerToken,
        name(a.schemeName(), "OAuth2AuthorizationCodeBearer"),
        oauth2(a.description(), "authorizationCode", flow),
        scopes);
  }

  private static AnnotationResolver.Resolved openIdConnect(
      OpenIdConnect a, Parameter parameter, List<String> scopes) {
    return Credential.resolve(
        parameter,
        "@OpenIdConnect",
        String.class,
        a.autoError(),
        "Bearer",
        (request, failure) ->
            request.header("authorization").filter(v -> !v.isEmpty()).orElse(null),
        name(a.schemeName(), "OpenIdConnect"),
        scheme("openIdConnect", a.description()).put("openIdConnectUrl", a.openIdConnectUrl()),
        scopes);
  }

  private static AnnotationResolver.Resolved httpBearer(
      HttpBearer a, Parameter parameter, List<String> scopes) {
    ObjectNode scheme = scheme("http", a.description()).put("scheme", "bearer");
    if (!a.bearerFormat().isEmpty()) {
      scheme.put("bearerFormat", a.bearerFormat());
    }
    return Credential.resolve(
        parameter,
        "@HttpBearer",
        HttpAuthorizationCredentials.class,
        a.autoError(),
        "Bearer",
        (request, failure) -> authorizationCredentials(request, "bearer"),
        name(a.schemeName(), "HTTPBearer"),
        scheme,
        scopes);
  }

  private static AnnotationResolver.Resolved httpDigest(
      HttpDigest a, Parameter parameter, List<String> scopes) {
    return Credential.resolve(
        parameter,
        "@HttpDigest",
        HttpAuthorizationCredentials.class,
        a.autoError(),
        "Digest",
        (request, failure) -> authorizationCredentials(request, "digest"),
        name(a.schemeName(), "HTTPDigest"),
        scheme("http", a.description()).put("scheme", "digest"),
        scopes);
  }

  private static AnnotationResolver.Resolved httpBasic(
      HttpBasic a, Parameter parameter, List<String> scopes) {
    // plain formatting, no escaping of quotes, as FastAPI builds it
    String challenge = a.realm().isEmpty() ? "Basic" : "Basic realm=\"" + a.realm() + "\"";
    return Credential.resolve(
        parameter,
        "@HttpBasic",
        HttpBasicCredentials.class,
        a.autoError(),
        challenge,
        (request, failure) -> {
          Authorization authorization = Authorization.of(request);
          if (authorization.scheme().isEmpty() || !authorization.is("basic")) {
            return null;
          }
          HttpBasicCredentials credentials = BasicPayload.decode(authorization.param());
          if (credentials == null) {
            throw failure.exception(); // FastAPI fails here even with auto_error=False
          }
          return credentials;
        },
        name(a.schemeName(), "HTTPBasic"),
        scheme("http", a.description()).put("scheme", "basic"),
        scopes);
  }

  private static AnnotationResolver.Resolved apiKeyHeader(
      ApiKeyHeader a, Parameter parameter, List<String> scopes) {
    String header = a.name();
    return apiKey(
        parameter,
        "@ApiKeyHeader",
        a.autoError(),
        request -> request.header(header).orElse(null),
        name(a.schemeName(), "APIKeyHeader"),
        apiKeyScheme(a.description(), "header", header),
        scopes);
  }

  private static AnnotationResolver.Resolved apiKeyQuery(
      ApiKeyQuery a, Parameter parameter, List<String> scopes) {
    String query = a.name();
    return apiKey(
        parameter,
        "@ApiKeyQuery",
        a.autoError(),
        request -> request.query(query).orElse(null),
        name(a.schemeName(), "APIKeyQuery"),
        apiKeyScheme(a.description(), "query", query),
        scopes);
  }

  private static AnnotationResolver.Resolved apiKeyCookie(
      ApiKeyCookie a, Parameter parameter, List<String> scopes) {
    String cookie = a.name();
    return apiKey(
        parameter,
        "@ApiKeyCookie",
        a.autoError(),
        request -> request.cookie(cookie).orElse(null),
        name(a.schemeName(), "APIKeyCookie"),
        apiKeyScheme(a.description(), "cookie", cookie),
        scopes);
  }

  private static AnnotationResolver.Resolved apiKey(
      Parameter parameter,
      String annotation,
      boolean autoError,
      Function<Request, @Nullable String> value,
      String name,
      ObjectNode scheme,
      List<String> scopes) {
    return Credential.resolve(
        parameter,
        annotation,
        String.class,
        autoError,
        "APIKey",
        (request, failure) -> {
          String key = value.apply(request);
          return key == null || key.isEmpty() ? null : key;
        },
        name,
        scheme,
        scopes);
  }

  /**
   * OAuth2PasswordBearer's and OAuth2AuthorizationCodeBearer's token: the header's parameter when
   * its scheme is Bearer, even an empty one.
   */
  private static @Nullable String bearerToken(Request request, Credential.Failure failure) {
    Authorization authorization = Authorization.of(request);
    if (authorization.scheme().isEmpty() || !authorization.is("bearer")) {
      return null;
    }
    return authorization.param();
  }

  /** HTTPBearer's and HTTPDigest's credentials: scheme and parameter both there. */
  private static @Nullable HttpAuthorizationCredentials authorizationCredentials(
      Request request, String scheme) {
    Authorization authorization = Authorization.of(request);
    if (authorization.scheme().isEmpty()
        || authorization.param().isEmpty()
        || !authorization.is(scheme)) {
      return null;
    }
    return new HttpAuthorizationCredentials(authorization.scheme(), authorization.param());
  }

  private static String name(String given, String fastApiDefault) {
    return given.isEmpty() ? fastApiDefault : given;
  }

  /** A scheme entry's first keys: {@code type}, then {@code description} if there is one. */
  private static ObjectNode scheme(String type, String description) {
    ObjectNode scheme = Json.mapper().createObjectNode().put("type", type);
    if (!description.isEmpty()) {
      scheme.put("description", description);
    }
    return scheme;
  }

  private static ObjectNode oauth2(String description, String flowName, ObjectNode flow) {
    ObjectNode scheme = scheme("oauth2", description);
    scheme.putObject("flows").set(flowName, flow);
    return scheme;
  }

  /** An OAuth2 flow's shared keys, in FastAPI's order: {@code refreshUrl?, scopes}. */
  private static ObjectNode flow(String refreshUrl, OAuth2Scope[] scopes) {
    ObjectNode flow = Json.mapper().createObjectNode();
    if (!refreshUrl.isEmpty()) {
      flow.put("refreshUrl", refreshUrl);
    }
    ObjectNode offered = flow.putObject("scopes");
    for (OAuth2Scope scope : scopes) {
      offered.put(scope.name(), scope.description());
    }
    return flow;
  }

  private static ObjectNode apiKeyScheme(String description, String in, String name) {
    return scheme("apiKey", description).put("in", in).put("name", name);
  }
}
