package dev.snel.internal.routing;

import dev.snel.EventStream;
import dev.snel.JsonLines;
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
  private final StreamEncoders streams;

  CompiledRoute(
      RouteModel model,
      List<ParamBinder> before,
      Invocation handler,
      ResponseEncoder encoder,
      ResponseVariants variants,
      StreamEncoders streams) {
    this.model = model;
    this.before = before.toArray(ParamBinder[]::new);
    this.handler = handler;
    this.encoder = encoder;
    this.variants = variants;
    this.streams = streams;
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
   * sealed response type is sent with its variant's status ({@link ResponseVariants}). An {@code
   * EventStream} or {@code JsonLines} becomes a streamed body of its items.
   */
  public Response toResponse(@Nullable Object result, RequestScope scope) {
    if (result instanceof Response response) {
      return response;
    }
    Response streamed =
        result instanceof EventStream<?> || result instanceof JsonLines<?>
            ? streams.toResponse(result, scope.request().id())
            : null;
    if (model.streaming() != Streaming.NONE && streamed == null) {
      throw new IllegalStateException(
          model.handler() + " returned " + result + " where it declares a stream");
    }
    int status = variants.statusOf(result, model.status());
    Response response =
        streamed != null
            ? streamed.status(model.status())
            : status == 204 || status == 304
                ? Response.empty(status)
                : Response.rawJson(encoder.encode(result)).status(status);
    Response injected = scope.injectedResponse();
    return injected == null ? response : injected.applyTo(response);
  }
}
