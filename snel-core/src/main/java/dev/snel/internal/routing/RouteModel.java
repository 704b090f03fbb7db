package dev.snel.internal.routing;

import dev.snel.internal.params.ParamModel;
import dev.snel.internal.params.SecurityRequirement;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;

/**
 * What startup learned about one route: the single description that drives binding, the response
 * encoding and (later) the OpenAPI operation.
 *
 * @param httpMethod upper case, e.g. {@code GET}
 * @param path the full path template, router prefixes included
 * @param handler the Java method
 * @param params the parameters in signature order
 * @param returnType the declared result type, unwrapped from CompletionStage
 * @param status the status of a successful response
 * @param tags the documentation tags, routers' first
 * @param nonBlocking whether the handler runs on the I/O thread
 * @param offload whether the handler runs on the JDK's default virtual-thread scheduler, never on
 *     the I/O thread's
 * @param responseModel the type the response is encoded as (the response model), or Object; for a
 *     streamed result, the type of each item
 * @param security the security schemes the route's dependencies reach, with their scopes
 * @param streaming whether the result is a stream of items (Server-Sent Events, JSON Lines)
 */
public record RouteModel(
    String httpMethod,
    String path,
    Method handler,
    List<ParamModel> params,
    Type returnType,
    int status,
    List<String> tags,
    boolean nonBlocking,
    boolean offload,
    Type responseModel,
    List<SecurityRequirement> security,
    Streaming streaming) {}
