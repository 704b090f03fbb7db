package dev.snel.internal.params;

import dev.snel.Body;
import dev.snel.Cookie;
import dev.snel.Default;
import dev.snel.Depends;
import dev.snel.Form;
import dev.snel.Header;
import dev.snel.Path;
import dev.snel.Query;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.RouteDefinitionException;
import dev.snel.internal.schema.FlatModel;
import dev.snel.internal.schema.Schema;
import dev.snel.internal.schema.Schemas;
import dev.snel.internal.values.Check;
import dev.snel.internal.values.ConversionException;
import dev.snel.internal.values.ScalarConverter;
import dev.snel.internal.values.Scalars;
import dev.snel.security.SecurityScopes;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads a handler's or a dependency's signature once, applying FastAPI's rules: a parameter named
 * in the path template is a path parameter; a scalar, or a List/Set of scalars, is a query
 * parameter; a record or class is the JSON body; {@link Depends} makes a dependency; {@link
 * Request}, {@link Response}, {@link dev.snel.Scope}, provided singletons and other registered
 * kinds are injected by type; {@code Optional} or {@link Default} makes a parameter optional.
 * Annotations override the inferred source. Dependencies are compiled by the same rules, to any
 * depth.
 */
public final class ParamCompiler {

  /**
   * One compiled parameter.
   *
   * @param model the parameter's description
   * @param binder produces its argument
   * @param flat the request values it reads: itself, or a dependency's, deepest included
   * @param security the security schemes it reaches, deepest included
   */
  public record Compiled(
      ParamModel model,
      ParamBinder binder,
      List<ParamModel> flat,
      List<SecurityRequirement> security) {
    Compiled(ParamModel model, ParamBinder binder, List<ParamModel> flat) {
      this(model, binder, flat, List.of());
    }

    /**
     * Whether FastAPI solves it as a sub-dependency, ahead of the request's values: a dependency,
     * or a security scheme (a scheme's 401 comes before the handler's own validation errors).
     */
    boolean isDependency() {
      return binder instanceof DependencyBinder || !security.isEmpty();
    }
  }

  /**
   * A route's compiled parameters.
   *
   * @param invocation the handler with its parameters
   * @param before the route's, routers' and app's dependencies run for their side effects, first
   * @param params the request values the whole tree reads, as FastAPI flattens them: the handler's
   *     own, then the dependencies', in order
   * @param security the security schemes the tree reaches, in the same order
   */
  public record Route(
      Invocation invocation,
      List<ParamBinder> before,
      List<ParamModel> params,
      List<SecurityRequirement> security) {}

  /**
   * A dependency run for its side effects, declared on a route, its class, a router or the app.
   *
   * @param type the dependency class, whose one public method runs
   * @param cached whether its value is shared within the request
   * @param scopes the security scopes it requires
   */
  public record Declared(Class<?> type, boolean cached, List<String> scopes) {
    /** A dependency declared in code: cached, no scopes. */
    public Declared(Class<?> type) {
      this(type, true, List.of());
    }

    /** The dependency an annotation on a method or class declares. */
    public static Declared of(Depends depends, String where) {
      if (depends.value() == void.class) {
        throw new RouteDefinitionException(
            where + ": @Depends on a method or class names the dependency class to run");
      }
      return new Declared(depends.value(), depends.cached(), List.of(depends.scopes()));
    }
  }

  /** What parameters are compiled for. */
  private enum Kind {
    /** A route's: the request's values are there. */
    REQUEST,
    /** A scope outside a request: no request values. */
    STANDALONE,
    /** An app-scoped instance's constructor: provided singletons only. */
    APP
  }

  /** Shared by every signature of one dependency tree. */
  private static final class Tree {
    final String route;
    final List<String> pathNames;
    final Injection injection;
    final Kind kind;
    final List<BodyBinder> bodies = new ArrayList<>();
    final Set<String> bodyNames = new LinkedHashSet<>();
    final Set<String> formNames = new LinkedHashSet<>();
    boolean formModel;

    Tree(String route, List<String> pathNames, Injection injection, Kind kind) {
      this.route = route;
      this.pathNames = pathNames;
      this.injection = injection;
      this.kind = kind;
    }

    /** FastAPI embeds every body parameter once the tree has more than one. */
    boolean embedBodies() {
      return bodyNames.size() > 1;
    }
  }

  private final Executable method;
  private final Tree tree;
  private final List<Class<?>> chain;
  private final List<String> scopes;
  private final Schemas types;

  private ParamCompiler(Executable method, Tree tree, List<Class<?>> chain, List<String> scopes) {
    this.method = method;
    this.tree = tree;
    this.chain = chain;
    this.scopes = scopes;
    this.types = tree.injection.types();
  }

  /**
   * Compiles a handler's parameters and the dependencies of its route; throws {@link
   * RouteDefinitionException} on a mistake.
   *
   * @param instance the object whose method the handler is; null for a static method
   * @param pathNames the names in the route's full path template
   * @param dependencies the route's side-effect dependencies: the app's, routers', class's and
   *     method's, in the order they run
   */
  public static Route route(
      Method handler,
      @Nullable Object instance,
      List<String> pathNames,
      Injection injection,
      List<Declared> dependencies) {
    String where = handler.getDeclaringClass().getName() + "." + handler.getName();
    Tree tree = new Tree(where, pathNames, injection, Kind.REQUEST);
    ParamCompiler compiler = new ParamCompiler(handler, tree, List.of(), List.of());
    List<Compiled> own = compiler.compileAll();
    List<ParamBinder> before = new ArrayList<>();
    List<Compiled> reached = new ArrayList<>();
    own.stream().filter(c -> !c.isDependency()).forEach(reached::add);
    for (Declared declared : dependencies) {
      Compiled one =
          compiler.dependency(
              declared.type(),
              Object.class,
              declared.cached(),
              false,
              declared.scopes(),
              "dependency " + simple(declared.type()));
      before.add(one.binder());
      reached.add(one);
    }
    own.stream().filter(Compiled::isDependency).forEach(reached::add);
    List<ParamModel> flat = reached.stream().flatMap(c -> c.flat().stream()).toList();
    List<SecurityRequirement> security =
        reached.stream().flatMap(c -> c.security().stream()).toList();
    List<String> bound =
        flat.stream().filter(p -> p.source() == Source.PATH).map(ParamModel::wireName).toList();
    for (String name : pathNames) {
      if (!bound.contains(name)) {
        throw new RouteDefinitionException(
            where + ": the path template has {" + name + "} but no parameter takes it");
      }
    }
    if (!tree.formNames.isEmpty() && !tree.bodyNames.isEmpty()) {
      throw new RouteDefinitionException(
          where
              + ": it reads a JSON body ("
              + String.join(", ", tree.bodyNames)
              + ") and a form ("
              + String.join(", ", tree.formNames)
              + "); a request has one body");
    }
    if (tree.formModel && tree.formNames.size() > 1) {
      throw new RouteDefinitionException(
          where
              + ": a form model is the whole form; it cannot share it with other form parameters ("
              + String.join(", ", tree.formNames)
              + ")");
    }
    if (tree.embedBodies()) {
      tree.bodies.forEach(BodyBinder::embed);
    }
    if (!tree.formNames.isEmpty()) {
      // FastAPI reads the form before any dependency runs: its 400 comes before a 401
      before.add(
          0,
          scope -> {
            scope.form();
            return null;
          });
    }
    Object receiver = instance;
    Invocation invocation =
        compiler.invocation(
            own,
            Invocation.handle(handler, receiver != null, where),
            receiver == null ? null : () -> receiver);
    return new Route(invocation, List.copyOf(before), dedupe(flat), security);
  }

  /** A dependency resolved outside a request: in a background task, a job, a startup hook. */
  static ParamBinder standalone(Class<?> dependency, Class<?> type, Injection injection) {
    String where = "resolving " + dependency.getName() + " outside a request";
    Tree tree = new Tree(where, List.of(), injection, Kind.STANDALONE);
    ParamCompiler compiler = new ParamCompiler(PLACEHOLDER, tree, List.of(), List.of());
    return compiler.dependency(dependency, type, true, dependency == type, List.of(), "").binder();
  }

  private static final Method PLACEHOLDER;

  static {
    try {
      PLACEHOLDER = Object.class.getMethod("toString");
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The parameters FastAPI documents for a flattened tree: one per (source, name), at the place of
   * its first declaration, described by its last required declaration, else by its last one.
   */
  private static List<ParamModel> dedupe(List<ParamModel> flat) {
    Map<List<Object>, ParamModel> unique = new LinkedHashMap<>();
    for (ParamModel param : flat) {
      List<Object> key = List.of(param.source(), param.wireName());
      ParamModel kept = unique.get(key);
      if (kept == null || param.required() || !kept.required()) {
        unique.put(key, param);
      }
    }
    return List.copyOf(unique.values());
  }

  /** Compiles every parameter; throws {@link RouteDefinitionException} on a mistake. */
  private List<Compiled> compileAll() {
    List<Compiled> compiled = new ArrayList<>();
    for (Parameter parameter : method.getParameters()) {
      if (!parameter.isNamePresent()) {
        throw fail(
            parameter, "parameter names are not in the class file; compile with -parameters");
      }
      compiled.add(compile(parameter));
    }
    refuseModelsSharingASource(compiled);
    return compiled;
  }

  /**
   * FastAPI reads a parameter model as the whole query (or headers, cookies) only when it is the
   * signature's one parameter from there; beside others it would be one value of its own name.
   */
  private void refuseModelsSharingASource(List<Compiled> compiled) {
    for (int i = 0; i < compiled.size(); i++) {
      Compiled model = compiled.get(i);
      if (!(model.binder() instanceof ModelBinder) || model.model().source() == Source.FORM) {
        continue;
      }
      for (Compiled other : compiled) {
        if (other != model && other.model().source() == model.model().source()) {
          throw fail(
              method.getParameters()[i],
              "a "
                  + model.model().source().loc()
                  + " parameter model is the whole "
                  + model.model().source().loc()
                  + "; it cannot share it with parameter '"
                  + other.model().javaName()
                  + "'");
        }
      }
    }
  }

  private Invocation invocation(
      List<Compiled> params, MethodHandle target, @Nullable Supplier<Object> receiver) {
    boolean[] dependency = new boolean[params.size()];
    for (int i = 0; i < dependency.length; i++) {
      dependency[i] = params.get(i).isDependency();
    }
    return new Invocation(
        params.stream().map(Compiled::binder).toArray(ParamBinder[]::new),
        dependency,
        target,
        receiver);
  }

  /**
   * A dependency: a class dependency (constructed per use) when {@code classDependency}, else the
   * class's one public method. Its parameters are compiled in this tree.
   *
   * @param wanted the type the value must have
   * @param required the security scopes this use requires
   * @param label names the parameter in messages, e.g. {@code parameter 'user'}
   */
  private Compiled dependency(
      Class<?> dependency,
      Type wanted,
      boolean cached,
      boolean classDependency,
      List<String> required,
      String label) {
    String here = label.isEmpty() ? where() : where() + ", " + label;
    if (chain.contains(dependency)) {
      List<String> names = new ArrayList<>(chain.stream().map(ParamCompiler::simple).toList());
      names.add(simple(dependency));
      throw new RouteDefinitionException(
          here + ": the dependencies form a cycle: " + String.join(" -> ", names));
    }
    List<Class<?>> inner = new ArrayList<>(chain);
    inner.add(dependency);
    Set<String> innerScopes = new LinkedHashSet<>(scopes);
    innerScopes.addAll(required);
    List<String> chainScopes = List.copyOf(innerScopes);
    Injection.Singleton singleton = tree.injection.singleton(dependency);
    if (classDependency && singleton != null) {
      return new Compiled(injectedModel(label, dependency), scope -> singleton.get(), List.of());
    }
    Executable executable =
        classDependency ? constructorOf(dependency, here) : providerMethod(dependency, here);
    if (!classDependency) {
      Class<?> produced = wrap(((Method) executable).getReturnType());
      if (!wrap(rawType(wanted)).isAssignableFrom(produced)) {
        throw new RouteDefinitionException(
            here
                + ": "
                + simple(dependency)
                + "."
                + executable.getName()
                + " returns "
                + produced.getSimpleName()
                + ", not "
                + rawType(wanted).getSimpleName());
      }
    }
    Callable callable = compileCallable(executable, dependency, inner, chainScopes, here, null);
    Function<Object, Invocation> override =
        replacement ->
            compileCallable(
                    providerMethod(replacement.getClass(), here),
                    dependency,
                    inner,
                    chainScopes,
                    here,
                    replacement)
                .invocation();
    // FastAPI's cache key: the dependency and the scopes required of it
    Object key =
        chainScopes.isEmpty()
            ? dependency
            : List.of(dependency, chainScopes.stream().sorted().distinct().toList());
    return new Compiled(
        injectedModel(label, dependency),
        new DependencyBinder(dependency, key, cached, callable.invocation(), override),
        callable.flat(),
        callable.security());
  }

  private record Callable(
      Invocation invocation, List<ParamModel> flat, List<SecurityRequirement> security) {}

  /**
   * A dependency's method or constructor compiled in this tree.
   *
   * @param instance the object whose method it is; null to use the app's instance of the class
   */
  private Callable compileCallable(
      Executable executable,
      Class<?> dependency,
      List<Class<?>> inner,
      List<String> innerScopes,
      String here,
      @Nullable Object instance) {
    ParamCompiler compiler = new ParamCompiler(executable, tree, inner, innerScopes);
    List<Compiled> params = compiler.compileAll();
    List<Compiled> ordered = new ArrayList<>();
    params.stream().filter(c -> !c.isDependency()).forEach(ordered::add);
    params.stream().filter(Compiled::isDependency).forEach(ordered::add);
    List<ParamModel> flat = ordered.stream().flatMap(c -> c.flat().stream()).toList();
    List<SecurityRequirement> security =
        ordered.stream().flatMap(c -> c.security().stream()).toList();
    Supplier<Object> receiver = null;
    if (executable instanceof Method m && !Modifier.isStatic(m.getModifiers())) {
      Object given = instance;
      receiver =
          given != null
              ? () -> given
              : tree.injection.instance(dependency, appScoped(dependency, here));
    }
    MethodHandle handle = Invocation.handle(executable, receiver != null, here);
    return new Callable(compiler.invocation(params, handle, receiver), flat, security);
  }

  /**
   * Makes the app's instance of a dependency class, from its constructor and provided singletons,
   * when it is first needed; the constructor is compiled now, so its mistakes fail at startup.
   */
  private Supplier<Object> appScoped(Class<?> type, String here) {
    Constructor<?> constructor = constructorOf(type, here);
    Tree app = new Tree(tree.route, List.of(), tree.injection, Kind.APP);
    ParamCompiler compiler = new ParamCompiler(constructor, app, List.of(type), List.of());
    Invocation invocation =
        compiler.invocation(
            compiler.compileAll(), Invocation.handle(constructor, false, here), null);
    return () -> {
      try (RequestScope scope = new RequestScope(tree.injection)) {
        return invocation.invoke(Objects.requireNonNull(invocation.arguments(scope)));
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("creating the app's " + simple(type) + " failed: " + e, e);
      }
    };
  }

  /**
   * The one public method of a dependency class that produces its value; methods inherited from
   * Object, compiler-generated ones and an AutoCloseable's {@code close()} do not count.
   */
  static Method providerMethod(Class<?> type, String where) {
    List<Method> candidates = new ArrayList<>();
    for (Method m : type.getMethods()) {
      boolean closes =
          AutoCloseable.class.isAssignableFrom(type)
              && m.getName().equals("close")
              && m.getParameterCount() == 0;
      if (m.getDeclaringClass() != Object.class && !m.isSynthetic() && !m.isBridge() && !closes) {
        candidates.add(m);
      }
    }
    if (candidates.size() != 1) {
      throw new RouteDefinitionException(
          where
              + ": "
              + type.getName()
              + (candidates.isEmpty()
                  ? " has no public method"
                  : " has "
                      + candidates.size()
                      + " public methods ("
                      + String.join(
                          ", ", candidates.stream().map(Method::getName).sorted().toList())
                      + ")")
              + "; a dependency class has exactly one, which produces its value");
    }
    return candidates.get(0);
  }

  /** The constructor Snel calls for a class dependency: its one public constructor. */
  private static Constructor<?> constructorOf(Class<?> type, String where) {
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new RouteDefinitionException(
          where + ": " + type.getName() + " is abstract; Snel cannot create one");
    }
    if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
      throw new RouteDefinitionException(
          where + ": " + type.getName() + " is an inner class; make it static");
    }
    Constructor<?>[] constructors = type.getConstructors();
    if (constructors.length != 1) {
      throw new RouteDefinitionException(
          where
              + ": "
              + type.getName()
              + " needs exactly one public constructor for Snel to call, not "
              + constructors.length);
    }
    return constructors[0];
  }

  private static ParamModel injectedModel(String label, Class<?> type) {
    return new ParamModel(
        label, Source.INJECTED, label, type, false, false, false, Optional.empty(), "", List.of());
  }

  private static String simple(Class<?> type) {
    return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
  }

  private static Class<?> wrap(Class<?> type) {
    return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
  }

  /** What every non-injected parameter has, read once from its declaration. */
  private record Shape(
      Parameter parameter,
      boolean optional,
      Type valueType,
      Source source,
      String wireName,
      Default defaults,
      String description) {

    boolean required() {
      return !optional && defaults == null;
    }
  }

  private Compiled compile(Parameter parameter) {
    Class<?> raw = parameter.getType();
    Depends depends = parameter.getAnnotation(Depends.class);
    String label = "parameter '" + parameter.getName() + "'";
    if (depends != null) {
      if (tree.kind == Kind.APP) {
        throw fail(parameter, appScoped(raw));
      }
      Class<?> dependency = depends.value() == void.class ? raw : depends.value();
      return dependency(
          dependency,
          parameter.getParameterizedType(),
          depends.cached(),
          dependency == raw,
          List.of(depends.scopes()),
          label);
    }
    if (raw == SecurityScopes.class) {
      SecurityScopes value = new SecurityScopes(scopes);
      return new Compiled(injectedModel(label, raw), scope -> value, List.of());
    }
    AnnotationResolver.Resolved resolved;
    try {
      resolved = tree.injection.byAnnotation(parameter, scopes);
    } catch (IllegalArgumentException e) {
      throw fail(parameter, e.getMessage());
    }
    if (resolved != null) {
      if (tree.kind == Kind.APP || (resolved.needsRequest() && tree.kind != Kind.REQUEST)) {
        throw fail(
            parameter, tree.kind == Kind.APP ? appScoped(raw) : outsideRequest("the credentials"));
      }
      SecurityRequirement security = resolved.security();
      return new Compiled(
          injectedModel(label, raw),
          resolved.binder(),
          List.of(),
          security == null ? List.of() : List.of(security));
    }
    if (explicitSource(parameter) == null && !parameter.isAnnotationPresent(Body.class)) {
      Injection.Singleton singleton = tree.injection.singleton(raw);
      if (singleton != null) {
        return new Compiled(injectedModel(label, raw), scope -> singleton.get(), List.of());
      }
      Injection.ByType byType = tree.injection.byType(raw);
      if (byType != null) {
        if (tree.kind == Kind.APP) {
          throw fail(parameter, appScoped(raw));
        }
        if (byType.needsRequest() && tree.kind != Kind.REQUEST) {
          throw fail(parameter, outsideRequest("the " + raw.getSimpleName()));
        }
        return new Compiled(injectedModel(label, raw), byType.binder(), List.of());
      }
    }
    if (tree.kind == Kind.APP) {
      throw fail(parameter, appScoped(raw));
    }
    Shape shape = shape(parameter);
    if (tree.kind != Kind.REQUEST) {
      throw fail(
          parameter,
          outsideRequest("the " + shape.source().loc() + " value '" + shape.wireName() + "'"));
    }
    Compiled compiled =
        formValueKind(shape.valueType()) != null
            ? formValue(shape)
            : shape.source() == Source.BODY
                ? body(shape)
                : shape.source() != Source.PATH && !isScalarOrScalarList(shape.valueType())
                    ? model(shape)
                    : values(shape);
    return new Compiled(compiled.model(), compiled.binder(), List.of(compiled.model()));
  }

  private static String appScoped(Class<?> type) {
    return "the app creates this object once, from provided singletons only: a "
        + type.getSimpleName()
        + " is not one (provide it with app.provide(...), or take it as a parameter of the"
        + " dependency's method instead of its constructor)";
  }

  private static String outsideRequest(String what) {
    return "it reads " + what + " of a request, and this dependency is resolved without one";
  }

  private Shape shape(Parameter parameter) {
    boolean optional = parameter.getType() == Optional.class;
    Type valueType =
        optional
            ? unwrapOptional(parameter.getParameterizedType())
            : parameter.getParameterizedType();
    Source source = sourceOf(parameter, valueType);
    Default defaults = parameter.getAnnotation(Default.class);
    if (defaults != null && optional) {
      throw fail(parameter, "use Optional or @Default, not both");
    }
    return new Shape(
        parameter,
        optional,
        valueType,
        source,
        wireName(parameter, source),
        defaults,
        description(parameter));
  }

  private Compiled body(Shape shape) {
    Parameter parameter = shape.parameter();
    if (shape.defaults() != null) {
      throw fail(parameter, "@Default is for path, query, header and cookie parameters");
    }
    Body body = parameter.getAnnotation(Body.class);
    boolean embedded = body != null && body.embed();
    tree.bodyNames.add(shape.wireName());
    ParamModel model =
        new ParamModel(
            parameter.getName(),
            Source.BODY,
            shape.wireName(),
            shape.valueType(),
            false,
            false,
            shape.required(),
            Optional.empty(),
            shape.description(),
            List.of(parameter.getAnnotations()));
    Schema schema;
    try {
      schema = types.get(shape.valueType());
    } catch (IllegalArgumentException e) {
      throw fail(
          parameter,
          e.getMessage()
              + "; if it is not the request body, mark it @Depends or provide one with"
              + " app.provide(...)");
    }
    BodyBinder binder =
        new BodyBinder(
            shape.wireName(),
            schema,
            checks(parameter, List.of(parameter.getAnnotations())),
            embedded,
            shape.required(),
            shape.optional());
    tree.bodies.add(binder);
    return new Compiled(model, binder, List.of());
  }

  /** The registered form value kind of a type or of its List's elements (an upload); or null. */
  private Injection.@Nullable FormValue formValueKind(Type valueType) {
    Type element = collectionElement(valueType);
    return tree.injection.formValue(rawType(element != null ? element : valueType));
  }

  /**
   * A form field of a registered kind other than text: an {@code UploadFile}, or a list of them.
   */
  private Compiled formValue(Shape shape) {
    Parameter parameter = shape.parameter();
    if (shape.source() != Source.FORM) {
      throw fail(
          parameter,
          "an uploaded file is a form field; it cannot come from the " + shape.source().loc());
    }
    if (shape.defaults() != null) {
      throw fail(parameter, "@Default is not for files; use Optional");
    }
    Type element = collectionElement(shape.valueType());
    boolean multi = element != null;
    Type oneValue = element != null ? element : shape.valueType();
    tree.formNames.add(shape.wireName());
    ParamModel model =
        new ParamModel(
            parameter.getName(),
            Source.FORM,
            shape.wireName(),
            oneValue,
            multi,
            false,
            shape.required(),
            Optional.empty(),
            shape.description(),
            List.of(parameter.getAnnotations()));
    Injection.FormValue kind = Objects.requireNonNull(formValueKind(shape.valueType()));
    return new Compiled(
        model, kind.binder(shape.wireName(), multi, shape.required(), shape.optional()), List.of());
  }

  /**
   * A parameter model: a record read member by member from the query, headers, cookies or form
   * (FastAPI 0.115's {@code Annotated[Model, Query()]}); documented as one parameter per member.
   */
  private Compiled model(Shape shape) {
    Parameter parameter = shape.parameter();
    Source source = shape.source();
    String from = source == Source.FORM ? "form" : source.loc();
    Schema schema;
    try {
      schema = types.get(shape.valueType());
    } catch (IllegalArgumentException e) {
      throw fail(
          parameter,
          "type " + shape.valueType().getTypeName() + " cannot be read from the " + from);
    }
    FlatModel model =
        FlatModel.of(schema)
            .orElseThrow(
                () ->
                    fail(
                        parameter,
                        "type "
                            + shape.valueType().getTypeName()
                            + " cannot be read from the "
                            + from));
    if (shape.optional() || shape.defaults() != null) {
      throw fail(parameter, "a parameter model is always required; its members can be optional");
    }
    ParamModel described =
        new ParamModel(
            parameter.getName(),
            source,
            shape.wireName(),
            shape.valueType(),
            false,
            false,
            true,
            Optional.empty(),
            shape.description(),
            List.of(parameter.getAnnotations()));
    List<String> wireNames = memberWireNames(described, model);
    Set<String> declared = new LinkedHashSet<>();
    for (int i = 0; i < wireNames.size(); i++) {
      FlatModel.Member member = model.members().get(i);
      declared.add(member.name());
      if (source != Source.FORM) { // FastAPI's processed keys; a form compares aliases only
        declared.add(wireNames.get(i));
        declared.add(member.javaName());
      }
    }
    if (source == Source.FORM) {
      tree.formModel = true;
      tree.formNames.add(shape.wireName());
    }
    return new Compiled(described, new ModelBinder(source, model, wireNames, declared), List.of());
  }

  /**
   * The names a parameter model's members are read under: their names, except that a header member
   * without an alias becomes a header name ({@code save_data} reads {@code save-data}) unless
   * {@code @Header(convertUnderscores = false)}.
   */
  public static List<String> memberWireNames(ParamModel param, FlatModel model) {
    Header header =
        param.annotations().stream()
            .filter(Header.class::isInstance)
            .map(Header.class::cast)
            .findFirst()
            .orElse(null);
    boolean convert =
        param.source() == Source.HEADER && (header == null || header.convertUnderscores());
    return model.members().stream()
        .map(m -> convert && m.name().equals(m.javaName()) ? headerName(m.javaName()) : m.name())
        .toList();
  }

  /** A path, query, header, cookie or form parameter: one value, or every value for a List/Set. */
  private Compiled values(Shape shape) {
    Parameter parameter = shape.parameter();
    Source source = shape.source();
    Type elementType = collectionElement(shape.valueType());
    boolean multi = elementType != null;
    Type oneValue = elementType != null ? elementType : shape.valueType();
    ScalarConverter converter =
        Scalars.converterFor(rawType(oneValue))
            .orElseThrow(
                () ->
                    fail(
                        parameter,
                        "type "
                            + shape.valueType().getTypeName()
                            + " cannot be read from the "
                            + (source == Source.FORM ? "form" : source.loc())));
    if (source == Source.PATH && (multi || shape.optional() || shape.defaults() != null)) {
      throw fail(parameter, "a path parameter is always required and holds one value");
    }
    if (multi && source == Source.COOKIE) {
      throw fail(parameter, "only query, header and form parameters can hold several values");
    }
    if (source == Source.FORM) {
      tree.formNames.add(shape.wireName());
    }
    ParamModel model =
        new ParamModel(
            parameter.getName(),
            source,
            shape.wireName(),
            oneValue,
            multi,
            multi && Set.class.isAssignableFrom(rawType(shape.valueType())),
            shape.required(),
            Optional.ofNullable(shape.defaults()).map(d -> List.of(d.value())),
            shape.description(),
            List.of(parameter.getAnnotations()));
    return new Compiled(
        model, multi ? listBinder(shape, converter) : scalarBinder(shape, converter), List.of());
  }

  private ParamBinder listBinder(Shape shape, ScalarConverter converter) {
    Parameter parameter = shape.parameter();
    boolean set = Set.class.isAssignableFrom(rawType(shape.valueType()));
    List<Annotation> listLevel = new ArrayList<>();
    List<Annotation> itemLevel =
        new ArrayList<>(typeArgumentAnnotations(parameter, shape.optional()));
    for (Annotation a : parameter.getAnnotations()) {
      (Check.isSizeConstraint(a) ? listLevel : itemLevel).add(a);
    }
    @Nullable Object missing = shape.optional() ? Optional.empty() : null;
    if (shape.defaults() != null) {
      List<String> raw = List.of(shape.defaults().value());
      missing = convertDefault(parameter, () -> ListBinder.convertDefault(raw, converter, set));
    }
    return new ListBinder(
        shape.source(),
        shape.wireName(),
        converter,
        checks(parameter, itemLevel),
        checks(parameter, listLevel),
        set,
        shape.required(),
        shape.optional(),
        missing);
  }

  private ParamBinder scalarBinder(Shape shape, ScalarConverter converter) {
    Parameter parameter = shape.parameter();
    @Nullable Object missing = shape.optional() ? Optional.empty() : null;
    if (shape.defaults() != null) {
      String[] raw = shape.defaults().value();
      if (raw.length != 1) {
        throw fail(parameter, "@Default of a single-valued parameter needs exactly one value");
      }
      missing = convertDefault(parameter, () -> converter.convert(raw[0]));
    }
    List<Annotation> valueAnnotations = new ArrayList<>(List.of(parameter.getAnnotations()));
    if (shape.optional()) {
      valueAnnotations.addAll(optionalValueAnnotations(parameter));
    }
    int pathIndex = shape.source() == Source.PATH ? tree.pathNames.indexOf(shape.wireName()) : -1;
    return new ScalarBinder(
        shape.source(),
        shape.wireName(),
        pathIndex,
        converter,
        checks(parameter, valueAnnotations),
        shape.required(),
        shape.optional(),
        missing);
  }

  private List<Check> checks(Parameter parameter, List<Annotation> annotations) {
    try {
      return Check.forValue(annotations.toArray(Annotation[]::new));
    } catch (IllegalArgumentException e) {
      throw fail(parameter, e.getMessage());
    }
  }

  private Object convertDefault(
      Parameter parameter, java.util.function.Supplier<Object> conversion) {
    try {
      return conversion.get();
    } catch (ConversionException e) {
      throw fail(parameter, "its @Default does not convert: " + e.getMessage());
    }
  }

  private Source sourceOf(Parameter parameter, Type valueType) {
    Source explicit = explicitSource(parameter);
    if (explicit != null) {
      return explicit;
    }
    if (parameter.isAnnotationPresent(Body.class)) {
      return Source.BODY;
    }
    if (tree.pathNames.contains(parameter.getName())) {
      return Source.PATH;
    }
    if (formValueKind(valueType) != null) {
      return Source.FORM; // FastAPI: an UploadFile parameter is a form field without File()
    }
    return isScalarOrScalarList(valueType) ? Source.QUERY : Source.BODY;
  }

  private static @Nullable Source explicitSource(Parameter parameter) {
    if (parameter.isAnnotationPresent(Path.class)) {
      return Source.PATH;
    }
    if (parameter.isAnnotationPresent(Query.class)) {
      return Source.QUERY;
    }
    if (parameter.isAnnotationPresent(Header.class)) {
      return Source.HEADER;
    }
    if (parameter.isAnnotationPresent(Cookie.class)) {
      return Source.COOKIE;
    }
    if (parameter.isAnnotationPresent(Form.class)) {
      return Source.FORM;
    }
    return null;
  }

  private String wireName(Parameter parameter, Source source) {
    String alias =
        switch (source) {
          case PATH -> annotationValue(parameter.getAnnotation(Path.class), Path::value);
          case QUERY -> annotationValue(parameter.getAnnotation(Query.class), Query::value);
          case COOKIE -> annotationValue(parameter.getAnnotation(Cookie.class), Cookie::value);
          case BODY -> annotationValue(parameter.getAnnotation(Body.class), Body::value);
          case HEADER -> annotationValue(parameter.getAnnotation(Header.class), Header::value);
          case FORM -> annotationValue(parameter.getAnnotation(Form.class), Form::value);
          case INJECTED -> "";
        };
    if (!alias.isEmpty()) {
      return alias;
    }
    if (source == Source.HEADER) {
      Header header = parameter.getAnnotation(Header.class);
      return header.convertUnderscores()
          ? headerName(parameter.getName())
          : parameter.getName().toLowerCase(java.util.Locale.ROOT);
    }
    return parameter.getName();
  }

  /** {@code user_agent} and {@code userAgent} both become {@code user-agent}. */
  static String headerName(String javaName) {
    StringBuilder name = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (c == '_') {
        name.append('-');
      } else if (Character.isUpperCase(c)) {
        if (i > 0
            && javaName.charAt(i - 1) != '_'
            && !Character.isUpperCase(javaName.charAt(i - 1))) {
          name.append('-');
        }
        name.append(Character.toLowerCase(c));
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }

  private static <A extends Annotation> String annotationValue(
      A annotation, java.util.function.Function<A, String> value) {
    return annotation == null ? "" : value.apply(annotation);
  }

  private static String description(Parameter parameter) {
    for (Annotation a : parameter.getAnnotations()) {
      String text =
          switch (a) {
            case Query q -> q.description();
            case Path p -> p.description();
            case Header h -> h.description();
            case Cookie c -> c.description();
            case Body b -> b.description();
            case Form f -> f.description();
            default -> "";
          };
      if (!text.isEmpty()) {
        return text;
      }
    }
    return "";
  }

  private static boolean isScalarOrScalarList(Type type) {
    Type element = collectionElement(type);
    return Scalars.isScalar(rawType(element != null ? element : type));
  }

  /** The element type of a List, Set or Collection; null for other types. */
  private static @Nullable Type collectionElement(Type type) {
    if (type instanceof ParameterizedType p
        && p.getRawType() instanceof Class<?> raw
        && (raw == List.class || raw == Set.class || raw == Collection.class)) {
      return p.getActualTypeArguments()[0];
    }
    return null;
  }

  private static Type unwrapOptional(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
      return p.getActualTypeArguments()[0];
    }
    return type;
  }

  private static List<Annotation> typeArgumentAnnotations(Parameter parameter, boolean optional) {
    AnnotatedType annotated = parameter.getAnnotatedType();
    if (optional && annotated instanceof AnnotatedParameterizedType opt) {
      annotated = opt.getAnnotatedActualTypeArguments()[0];
    }
    if (annotated instanceof AnnotatedParameterizedType list) {
      return List.of(list.getAnnotatedActualTypeArguments()[0].getAnnotations());
    }
    return List.of();
  }

  /** Type-use annotations on an Optional's value type, as in {@code Optional<@Min(1) Integer>}. */
  private static List<Annotation> optionalValueAnnotations(Parameter parameter) {
    if (parameter.getAnnotatedType() instanceof AnnotatedParameterizedType opt) {
      return List.of(opt.getAnnotatedActualTypeArguments()[0].getAnnotations());
    }
    return List.of();
  }

  static Class<?> rawType(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  // problem may be null: the message of an exception thrown while compiling
  private RouteDefinitionException fail(Parameter parameter, @Nullable String problem) {
    return new RouteDefinitionException(
        where() + ", parameter '" + parameter.getName() + "': " + problem);
  }

  /** The route, then the chain of dependencies down to this signature. */
  private String where() {
    if (chain.isEmpty()) {
      return tree.route;
    }
    return tree.route
        + " ("
        + String.join(" -> ", chain.stream().map(ParamCompiler::simple).toList())
        + ")";
  }
}
