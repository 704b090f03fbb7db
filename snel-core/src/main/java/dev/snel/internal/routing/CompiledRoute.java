package dev.snel.internal.routing;

import dev.snel.RequestValidationException;
import dev.snel.Response;
import dev.snel.internal.params.Invocation;
import dev.snel.internal.params.ParamBinder;
import dev.snel.internal.params.RequestScope;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A route ready to run: its side-effect dependencies, the handler with prebuilt binders, and a
 * writer for its result. Immutable and shared by all requests.
 */
public final class CompiledRoute {
  private final RouteModel model;
  private final ParamBinder[] before;
  private final Invocation handler;
  private final ResponseEncoder encoder;
  private final ResponseVariants variants;

  CompiledRoute(
      RouteModel model,
      List<ParamBinder> before,
      Invocation handler,
      ResponseEncoder encoder,
      ResponseVariants variants) {
    this.model = model;
    this.before = before.toArray(ParamBinder[]::new);
    this.handler = handler;
    this.encoder = encoder;
    this.variants = variants;
  }

  /** The route's description. */
  public RouteModel model() {
    return model;
  }

  /**
   * Runs the route's dependencies, binds the arguments and calls the handler; returns what it
   * returned (a value, a {@link Response} or a {@code CompletionStage}). Throws {@link
   * RequestValidationException} with every validation error, or whatever a dependency or the
   * handler threw.
   */
  public Object call(RequestScope scope) throws Throwable {
    for (ParamBinder dependency : before) {
      dependency.bind(scope);
    }
    Object[] args = handler.arguments(scope);
    var errors = scope.errors();
    if (args == null || errors != null) {
      throw new RequestValidationException(errors == null ? List.of() : errors);
    }
    return handler.invoke(args);
  }

  /**
   * The response for the handler's result, shaped by the injected response if any. A record of a
   * sealed response type is sent with its variant's status ({@link ResponseVariants}).
   */
  public Response toResponse(@Nullable Object result, RequestScope scope) {
    if (result instanceof Response response) {
      return response;
    }
    int status = variants.statusOf(result, model.status());
    Response response =
        status == 204 || status == 304
            ? Response.empty(status)
            : Response.rawJson(encoder.encode(result)).status(status);
    Response injected = scope.injectedResponse();
    return injected == null ? response : injected.applyTo(response);
  }
}
