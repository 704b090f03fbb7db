package dev.snel.internal.routing;

import dev.snel.RequestValidationException;
import dev.snel.Response;
import dev.snel.internal.params.Binding;
import dev.snel.internal.params.ParamBinder;
import java.lang.invoke.MethodHandle;

/**
 * A route ready to run: prebuilt binders, a method handle for the handler and a writer for its
 * result. Immutable and shared by all requests.
 */
public final class CompiledRoute {
  private final RouteModel model;
  private final ParamBinder[] binders;
  private final MethodHandle handler;
  private final ResponseEncoder encoder;
  private final ResponseVariants variants;

  CompiledRoute(
      RouteModel model,
      ParamBinder[] binders,
      MethodHandle handler,
      ResponseEncoder encoder,
      ResponseVariants variants) {
    this.model = model;
    this.binders = binders;
    this.handler = handler;
    this.encoder = encoder;
    this.variants = variants;
  }

  /** The route's description. */
  public RouteModel model() {
    return model;
  }

  /**
   * Binds the arguments and calls the handler; returns what it returned (a value, a {@link
   * Response} or a {@code CompletionStage}). Throws {@link RequestValidationException} with every
   * binding error, or whatever the handler threw.
   */
  public Object call(Binding binding) throws Throwable {
    Object[] args = new Object[binders.length];
    for (int i = 0; i < binders.length; i++) {
      args[i] = binders[i].bind(binding);
    }
    if (binding.errors() != null) {
      throw new RequestValidationException(binding.errors());
    }
    return (Object) handler.invokeExact(args);
  }

  /**
   * The response for the handler's result, shaped by the injected response if any. A record of a
   * sealed response type is sent with its variant's status ({@link ResponseVariants}).
   */
  public Response toResponse(Object result, Binding binding) {
    if (result instanceof Response response) {
      return response;
    }
    int status = variants.statusOf(result, model.status());
    Response response =
        status == 204 || status == 304
            ? Response.empty(status)
            : Response.rawJson(encoder.encode(result)).status(status);
    Response injected = binding.injectedResponse();
    return injected == null ? response : injected.applyTo(response);
  }
}
