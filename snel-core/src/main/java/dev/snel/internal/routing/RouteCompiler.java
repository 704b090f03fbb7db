package dev.snel.internal.routing;

import dev.snel.Delete;
import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Head;
import dev.snel.NonBlocking;
import dev.snel.Offload;
import dev.snel.Options;
import dev.snel.Patch;
import dev.snel.Post;
import dev.snel.Put;
import dev.snel.Response;
import dev.snel.ResponseModel;
import dev.snel.RouteDefinitionException;
import dev.snel.ServerSentEvent;
import dev.snel.Status;
import dev.snel.Tags;
import dev.snel.WebSocketSession;
import dev.snel.internal.params.Injection;
import dev.snel.internal.params.ParamCompiler;
import dev.snel.internal.schema.Encoding;
import dev.snel.internal.schema.Schemas;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** Compiles the annotated methods of a handler object into routes, once, at startup. */
public final class RouteCompiler {
  private RouteCompiler() {}

  /**
   * The routes of every method of the object's class (and superclasses) annotated with an HTTP
   * method annotation, in declaration order, a superclass's before its subclass's: the order a
   * reader of the source expects, and the same on every run and JVM.
   *
   * @param handlers the object whose methods handle requests
   * @param prefix the routers' path prefix, {@code ""} for none
   * @param routerTags the routers' tags
   * @param dependencies the app's and routers' side-effect dependencies, in the order they run
   * @param injection the app's injection, whose schemas compile parameter and response models
   */
  public static List<CompiledRoute> compile(
      Object handlers,
      String prefix,
      List<String> routerTags,
      List<ParamCompiler.Declared> dependencies,
      Injection injection) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> type = handlers.getClass();
        type != null && type != Object.class;
        type = type.getSuperclass()) {
      hierarchy.addFirst(type);
    }
    List<CompiledRoute> routes = new ArrayList<>();
    for (Class<?> type : hierarchy) {
      for (Method method : DeclarationOrder.methods(type)) {
        // javac copies a method's annotations to the bridge it generates for a generic
        // interface's erased signature (Reader<User>.read() -> Object read()): the same route
        if (method.isBridge() || method.isSynthetic()) {
          continue;
        }
        for (Annotation annotation : method.getAnnotations()) {
          String[] verb = verb(annotation);
          if (verb != null) {
            routes.add(
                compile(
                    handlers,
                    method,
                    verb[0],
                    prefix + verb[1],
                    routerTags,
                    dependencies,
                    injection));
          }
        }
      }
    }
    if (routes.isEmpty() && !declaresWebSockets(handlers.getClass())) {
      throw new RouteDefinitionException(
          handlers.getClass().getName()
              + " has no method annotated with @Get, @Post, @Put, ... or @WebSocket");
    }
    return routes;
  }

  /** Whether the class has WebSocket routes (compiled elsewhere: they are not HTTP routes). */
  private static boolean declaresWebSockets(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.isAnnotationPresent(dev.snel.WebSocket.class)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {method, path} for an HTTP method annotation, else null. */
  private static String @Nullable [] verb(Annotation annotation) {
    return switch (annotation) {
      case Get a -> new String[] {"GET", a.value()};
      case Post a -> new String[] {"POST", a.value()};
      case Put a -> new String[] {"PUT", a.value()};
      case Delete a -> new String[] {"DELETE", a.value()};
      case Patch a -> new String[] {"PATCH", a.value()};
      case Head a -> new String[] {"HEAD", a.value()};
      case Options a -> new String[] {"OPTIONS", a.value()};
      default -> null;
    };
  }

  /** The route's path template; a malformed one fails startup, naming the handler. */
  public static PathTemplate parsePath(String path, String where) {
    try {
      return PathTemplate.parse(path);
    } catch (IllegalArgumentException e) {
      throw new RouteDefinitionException(where + ": " + e.getMessage(), e);
    }
  }

  /**
   * A handler's parameters and dependencies, HTTP or WebSocket alike: the router's and app's
   * dependencies first, then its class's, then its own.
   */
  public static ParamCompiler.Route compileParams(
      Object handlers,
      Method method,
      PathTemplate template,
      List<ParamCompiler.Declared> outer,
      Injection injection,
      String where) {
    List<ParamCompiler.Declared> dependencies = new ArrayList<>(outer);
    for (Depends depends : method.getDeclaringClass().getAnnotationsByType(Depends.class)) {
      dependencies.add(ParamCompiler.Declared.of(depends, where));
    }
    for (Depends depends : method.getAnnotationsByType(Depends.class)) {
      dependencies.add(ParamCompiler.Declared.of(depends, where));
    }
    return ParamCompiler.route(
        method,
        Modifier.isStatic(method.getModifiers()) ? null : handlers,
        template.parameterNames(),
        injection,
        dependencies);
  }

  private static CompiledRoute compile(
      Object handlers,
      Method method,
      String httpMethod,
      String path,
      List<String> routerTags,
      List<ParamCompiler.Declared> outer,
      Injection injection) {
    Schemas types = injection.types();
    String where = method.getDeclaringClass().getName() + "." + method.getName();
    PathTemplate template = parsePath(path, where);
    ParamCompiler.Route params = compileParams(handlers, method, template, outer, injection, where);
    if (List.of(method.getParameterTypes()).contains(WebSocketSession.class)) {
      throw new RouteDefinitionException(
          where + ": a WebSocketSession is for @WebSocket routes, not " + httpMethod + " ones");
    }
    boolean nonBlocking = marked(handlers, method, NonBlocking.class);
    boolean offload = marked(handlers, method, Offload.class);
    if (nonBlocking && offload) {
      throw new RouteDefinitionException(
          where
              + ": a route is @NonBlocking (on the I/O thread) or @Offload (away from it), not both");
    }
    Type returnType = resultType(method.getGenericReturnType());
    Streaming streaming = Streaming.of(returnType);
    Type responseModel =
        streaming == Streaming.NONE
            ? responseModel(method, returnType)
            : itemModel(method, returnType);
    RouteModel model =
        new RouteModel(
            httpMethod,
            path,
            method,
            params.params(),
            returnType,
            status(method),
            tags(method, routerTags),
            nonBlocking,
            offload,
            responseModel,
            params.security(),
            streaming);
    ResponseEncoder encoder = encoder(method, responseModel, where, types);
    // a stream result of a route that declares none (Object, Response) has free-form items
    ResponseEncoder items =
        streaming == Streaming.NONE
            ? new ResponseEncoder(types.get(Object.class), Encoding.Options.ALL)
            : encoder;
    return new CompiledRoute(
        model,
        params.before(),
        params.invocation(),
        encoder,
        streaming == Streaming.NONE
            ? ResponseVariants.of(responseModel, model.status())
            : ResponseVariants.of(Object.class, model.status()),
        new StreamEncoders(items, types));
  }

  /**
   * Whether the method, its class or the included object's class carries the annotation: how
   * {@code @NonBlocking} and {@code @Offload} apply, to HTTP and WebSocket routes alike.
   */
  public static boolean marked(
      Object handlers, Method method, Class<? extends Annotation> annotation) {
    return method.isAnnotationPresent(annotation)
        || method.getDeclaringClass().isAnnotationPresent(annotation)
        || handlers.getClass().isAnnotationPresent(annotation);
  }

  /**
   * The response model: {@link ResponseModel}'s type, else the declared result type; Object
   * (free-form JSON) for routes returning a {@link Response} or nothing.
   */
  private static Type responseModel(Method method, Type returnType) {
    ResponseModel annotation = method.getAnnotation(ResponseModel.class);
    Type model =
        annotation != null && annotation.value() != void.class ? annotation.value() : returnType;
    Class<?> raw =
        model instanceof Class<?> c
            ? c
            : model instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
    return raw == Void.class || raw == Response.class ? Object.class : model;
  }

  /**
   * The item type of a streamed result: {@link ResponseModel}'s type, else the stream's type
   * argument; Object (free-form) for a raw stream or one of {@code ServerSentEvent}s, which are
   * sent as they are, as FastAPI leaves them out of validation and the documented schema.
   */
  private static Type itemModel(Method method, Type returnType) {
    ResponseModel annotation = method.getAnnotation(ResponseModel.class);
    Type item =
        annotation != null && annotation.value() != void.class
            ? annotation.value()
            : Streaming.itemType(returnType);
    return item == ServerSentEvent.class ? Object.class : item;
  }

  private static ResponseEncoder encoder(Method method, Type model, String where, Schemas types) {
    ResponseModel annotation = method.getAnnotation(ResponseModel.class);
    Encoding.Options options =
        annotation == null
            ? Encoding.Options.ALL
            : new Encoding.Options(
                annotation.excludeNone(),
                annotation.excludeDefaults(),
                annotation.excludeUnset(),
                Set.of(annotation.include()),
                Set.of(annotation.exclude()));
    try {
      return new ResponseEncoder(types.get(model), options);
    } catch (IllegalArgumentException e) {
      throw new RouteDefinitionException(
          where + ": the response model cannot be compiled: " + e.getMessage(), e);
    }
  }

  private static Type resultType(Type declared) {
    if (declared instanceof ParameterizedType p
        && p.getRawType() instanceof Class<?> raw
        && CompletionStage.class.isAssignableFrom(raw)) {
      return p.getActualTypeArguments()[0];
    }
    return declared == void.class ? Void.class : declared;
  }

  private static int status(Method method) {
    Status status = method.getAnnotation(Status.class);
    return status == null ? 200 : status.value();
  }

  private static List<String> tags(Method method, List<String> routerTags) {
    Set<String> tags = new LinkedHashSet<>(routerTags);
    Tags onClass = method.getDeclaringClass().getAnnotation(Tags.class);
    if (onClass != null) {
      tags.addAll(List.of(onClass.value()));
    }
    Tags onMethod = method.getAnnotation(Tags.class);
    if (onMethod != null) {
      tags.addAll(List.of(onMethod.value()));
    }
    return List.copyOf(tags);
  }
}
