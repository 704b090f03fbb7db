package dev.snel.internal.params;

import dev.snel.Body;
import dev.snel.Cookie;
import dev.snel.Default;
import dev.snel.Header;
import dev.snel.Path;
import dev.snel.Query;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.RouteDefinitionException;
import dev.snel.internal.schema.Schema;
import dev.snel.internal.schema.Schemas;
import dev.snel.internal.values.Check;
import dev.snel.internal.values.ConversionException;
import dev.snel.internal.values.ScalarConverter;
import dev.snel.internal.values.Scalars;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a handler's signature once, applying FastAPI's rules: a parameter named in the path
 * template is a path parameter; a scalar, or a List/Set of scalars, is a query parameter; a record
 * or class is the JSON body; {@link Request} and {@link Response} are injected by type; {@code
 * Optional} or {@link Default} makes a parameter optional. Annotations override the inferred
 * source.
 */
public final class ParamCompiler {

  /** One compiled parameter. */
  public record Compiled(ParamModel model, ParamBinder binder) {}

  private final Method method;
  private final List<String> pathNames;
  private final Schemas types;

  /**
   * A compiler for the parameters of a handler whose full path template has these names.
   *
   * @param types the app's compiled schemas, where body models are compiled
   */
  public ParamCompiler(Method method, List<String> pathNames, Schemas types) {
    this.method = method;
    this.pathNames = pathNames;
    this.types = types;
  }

  /** Compiles every parameter; throws {@link RouteDefinitionException} on a mistake. */
  public List<Compiled> compileAll() {
    Parameter[] parameters = method.getParameters();
    long bodyCount = Arrays.stream(parameters).filter(this::isBody).count();
    List<Compiled> compiled = new ArrayList<>();
    List<String> boundPathNames = new ArrayList<>();
    for (Parameter parameter : parameters) {
      if (!parameter.isNamePresent()) {
        throw fail(
            parameter, "parameter names are not in the class file; compile with -parameters");
      }
      Compiled one = compile(parameter, bodyCount > 1);
      if (one.model().source() == Source.PATH) {
        boundPathNames.add(one.model().wireName());
      }
      compiled.add(one);
    }
    for (String name : pathNames) {
      if (!boundPathNames.contains(name)) {
        throw new RouteDefinitionException(
            where() + ": the path template has {" + name + "} but no parameter takes it");
      }
    }
    return compiled;
  }

  private boolean isBody(Parameter parameter) {
    Class<?> raw = parameter.getType();
    return raw != Request.class
        && raw != Response.class
        && sourceOf(parameter, unwrapOptional(parameter.getParameterizedType())) == Source.BODY;
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

  private Compiled compile(Parameter parameter, boolean severalBodies) {
    Class<?> raw = parameter.getType();
    if (raw == Request.class) {
      return injected(parameter, InjectedBinder.REQUEST);
    }
    if (raw == Response.class) {
      return injected(parameter, InjectedBinder.RESPONSE);
    }
    Shape shape = shape(parameter);
    return shape.source() == Source.BODY ? body(shape, severalBodies) : values(shape);
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

  private Compiled body(Shape shape, boolean severalBodies) {
    Parameter parameter = shape.parameter();
    if (shape.defaults() != null) {
      throw fail(parameter, "@Default is for path, query, header and cookie parameters");
    }
    Body body = parameter.getAnnotation(Body.class);
    boolean embedded = severalBodies || (body != null && body.embed());
    ParamModel model =
        new ParamModel(
            parameter.getName(),
            Source.BODY,
            shape.wireName(),
            shape.valueType(),
            false,
            shape.required(),
            Optional.empty(),
            shape.description(),
            List.of(parameter.getAnnotations()));
    Schema schema;
    try {
      schema = types.get(shape.valueType());
    } catch (IllegalArgumentException e) {
      throw fail(parameter, e.getMessage());
    }
    return new Compiled(
        model,
        new BodyBinder(
            shape.wireName(),
            schema,
            checks(parameter, List.of(parameter.getAnnotations())),
            embedded,
            shape.required(),
            shape.optional()));
  }

  /** A path, query, header or cookie parameter: one value, or every value for a List/Set. */
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
                            + source.loc()));
    if (source == Source.PATH && (multi || shape.optional() || shape.defaults() != null)) {
      throw fail(parameter, "a path parameter is always required and holds one value");
    }
    if (multi && source == Source.COOKIE) {
      throw fail(parameter, "only query and header parameters can hold several values");
    }
    ParamModel model =
        new ParamModel(
            parameter.getName(),
            source,
            shape.wireName(),
            oneValue,
            multi,
            shape.required(),
            Optional.ofNullable(shape.defaults()).map(d -> List.of(d.value())),
            shape.description(),
            List.of(parameter.getAnnotations()));
    return new Compiled(
        model, multi ? listBinder(shape, converter) : scalarBinder(shape, converter));
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
    int pathIndex = shape.source() == Source.PATH ? pathNames.indexOf(shape.wireName()) : -1;
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

  private Compiled injected(Parameter parameter, ParamBinder binder) {
    ParamModel model =
        new ParamModel(
            parameter.getName(),
            Source.INJECTED,
            parameter.getName(),
            parameter.getType(),
            false,
            false,
            Optional.empty(),
            "",
            List.of());
    return new Compiled(model, binder);
  }

  private Source sourceOf(Parameter parameter, Type valueType) {
    Source explicit = explicitSource(parameter);
    if (explicit != null) {
      return explicit;
    }
    if (parameter.isAnnotationPresent(Body.class)) {
      return Source.BODY;
    }
    if (pathNames.contains(parameter.getName())) {
      return Source.PATH;
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

  private String where() {
    return method.getDeclaringClass().getName() + "." + method.getName();
  }
}
