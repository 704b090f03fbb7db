package dev.snel.internal.schema;

import dev.snel.Alias;
import dev.snel.Default;
import dev.snel.Discriminator;
import dev.snel.FieldValidator;
import dev.snel.Model;
import dev.snel.ModelValidator;
import dev.snel.MultipleOf;
import dev.snel.Strict;
import dev.snel.Tag;
import dev.snel.internal.values.Check;
import dev.snel.internal.values.ConversionException;
import dev.snel.internal.values.ScalarConverter;
import dev.snel.internal.values.Scalars;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Compiles Java types into {@link Schema}s, once: records and classes into models (with their
 * aliases, defaults, constraints and validators), sealed interfaces into unions, collections, maps,
 * Optional and scalars. Generic models ({@code Page<User>}) are compiled per type argument.
 *
 * <p>One instance per app: it holds the app's compiled models, so a model used by several routes is
 * compiled once and the OpenAPI document names it once, while two apps in one JVM (or two
 * same-named classes of two class loaders) share nothing. Compilation happens at startup and is
 * synchronized; the schemas are then immutable.
 */
public final class Schemas {
  /** The models compiled so far, by class, type arguments and strictness. */
  private final Map<ModelKey, ObjectSchema> models = new HashMap<>();

  private record ModelKey(Class<?> raw, List<Type> args, boolean strict) {}

  /** A new, empty set of compiled schemas, for one app. */
  public Schemas() {}

  /**
   * The schema of a type, compiled on its own, sharing nothing with any app (for tools and tests);
   * throws {@link IllegalArgumentException} naming what cannot be compiled.
   */
  public static Schema of(Type type) {
    return new Schemas().get(type);
  }

  /**
   * The schema of a type, compiled on first use and then shared by every use of this instance;
   * throws {@link IllegalArgumentException} naming what cannot be compiled.
   */
  public synchronized Schema get(Type type) {
    return compile(type, false, Map.of());
  }

  private Schema compile(Type type, boolean strict, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable<?> variable) {
      return compile(bindings.getOrDefault(variable, Object.class), strict, bindings);
    }
    if (type instanceof WildcardType wildcard) {
      return compile(wildcard.getUpperBounds()[0], strict, bindings);
    }
    if (type instanceof GenericArrayType array) {
      Schema item = compile(array.getGenericComponentType(), strict, bindings);
      return new ListSchema(
          item, ListSchema.Kind.ARRAY, raw(resolve(array.getGenericComponentType(), bindings)));
    }
    Class<?> raw = raw(type);
    Type[] args =
        type instanceof ParameterizedType p
            ? resolveAll(p.getActualTypeArguments(), bindings)
            : new Type[0];
    Schema scalar = scalar(raw, strict);
    if (scalar != null) {
      return scalar;
    }
    if (raw == Optional.class) {
      return new OptionalSchema(compile(arg(args, 0), strict, bindings));
    }
    if (raw == List.class || raw == Collection.class || raw == Iterable.class) {
      return new ListSchema(compile(arg(args, 0), strict, bindings), ListSchema.Kind.LIST, null);
    }
    if (raw == Set.class) {
      return new ListSchema(compile(arg(args, 0), strict, bindings), ListSchema.Kind.SET, null);
    }
    if (raw.isArray()) {
      return new ListSchema(
          compile(raw.getComponentType(), strict, bindings),
          ListSchema.Kind.ARRAY,
          raw.getComponentType());
    }
    if (Map.class.isAssignableFrom(raw)) {
      return new MapSchema(mapKeys(arg(args, 0)), compile(arg(args, 1), strict, bindings));
    }
    if (raw.isInterface() && raw.isSealed()) {
      return union(raw, strict);
    }
    if (raw.isInterface()
        || Modifier.isAbstract(raw.getModifiers())
        || raw.getName().startsWith("java.")) {
      throw new IllegalArgumentException(
          "type "
              + type.getTypeName()
              + " is not a model Snel can read: use a record, a class with a no-argument constructor, or a sealed interface of records");
    }
    return model(raw, args, strict);
  }

  private static ScalarConverter mapKeys(Type keyType) {
    Class<?> keys = raw(keyType);
    return Scalars.converterFor(keys)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "map keys of type " + keys.getName() + " cannot be read from JSON names"));
  }

  private static @Nullable Schema scalar(Class<?> raw, boolean strict) {
    if (raw == String.class) {
      return StringSchema.INSTANCE;
    }
    if (raw == char.class || raw == Character.class) {
      return CharSchema.INSTANCE;
    }
    if (raw == int.class
        || raw == Integer.class
        || raw == long.class
        || raw == Long.class
        || raw == short.class
        || raw == Short.class
        || raw == byte.class
        || raw == Byte.class
        || raw == BigInteger.class) {
      return new IntegerSchema(raw, strict);
    }
    if (raw == double.class
        || raw == Double.class
        || raw == float.class
        || raw == Float.class
        || raw == BigDecimal.class) {
      return new NumberSchema(raw, strict);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return new BooleanSchema(strict);
    }
    if (TextSchema.supports(raw)) {
      return new TextSchema(raw);
    }
    if (raw == byte[].class) {
      return BytesSchema.INSTANCE;
    }
    if (raw == Object.class) {
      return new AnySchema(false);
    }
    if (JsonNode.class.isAssignableFrom(raw)) {
      return new AnySchema(true);
    }
    return null;
  }

  private Schema union(Class<?> sealed, boolean strict) {
    Discriminator discriminator = sealed.getAnnotation(Discriminator.class);
    List<UnionSchema.Variant> variants = new ArrayList<>();
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      if (!(compile(permitted, strict, Map.of()) instanceof ObjectSchema variant)) {
        throw new IllegalArgumentException(
            sealed.getName() + ": " + permitted.getName() + " is not a record or class");
      }
      // the tag belongs to this union, not to the record, which may be a variant of other unions
      UnionSchema.@Nullable Tag tag = null;
      if (discriminator != null) {
        Tag value = permitted.getAnnotation(Tag.class);
        tag =
            new UnionSchema.Tag(
                discriminator.value(), value != null ? value.value() : permitted.getSimpleName());
      }
      variants.add(new UnionSchema.Variant(variant, tag));
    }
    return new UnionSchema(
        sealed.getSimpleName(), discriminator == null ? null : discriminator.value(), variants);
  }

  private ObjectSchema model(Class<?> raw, Type[] args, boolean strict) {
    StringBuilder name = new StringBuilder(raw.getSimpleName());
    List<String> argumentNames = new ArrayList<>();
    for (Type arg : args) {
      name.append('_').append(raw(arg).getSimpleName());
      argumentNames.add(raw(arg).getSimpleName());
    }
    // pydantic's title of a parametrized model is its class name, Page[User]; its definition
    // Page_User_
    String title =
        raw.getSimpleName() + (args.length > 0 ? "[" + String.join(", ", argumentNames) + "]" : "");
    if (args.length > 0) {
      name.append('_');
    }
    ModelKey key = new ModelKey(raw, List.of(args), strict);
    ObjectSchema cached = models.get(key);
    if (cached != null) {
      return cached;
    }
    ObjectSchema schema = new ObjectSchema(raw, name.toString(), title);
    models.put(key, schema); // before building: a recursive model refers to itself
    try {
      build(schema, raw, args, strict || raw.isAnnotationPresent(Strict.class));
    } catch (RuntimeException e) {
      models.remove(key);
      throw e;
    }
    return schema;
  }

  /** A member of a model as declared: name, generic type, annotations. */
  private record Member(
      String name, Type type, AnnotatedType annotatedType, List<Annotation> annotations) {}

  private void build(ObjectSchema schema, Class<?> raw, Type[] args, boolean strict) {
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    TypeVariable<?>[] parameters = raw.getTypeParameters();
    for (int i = 0; i < parameters.length; i++) {
      bindings.put(parameters[i], i < args.length ? args[i] : Object.class);
    }
    Model config = raw.getAnnotation(Model.class);
    Model.Naming naming = config == null ? Model.Naming.AS_DECLARED : config.naming();
    List<Member> members = raw.isRecord() ? recordMembers(raw) : classMembers(raw);
    Field[] fields = new Field[members.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = field(raw, members.get(i), strict, naming, bindings);
    }
    ObjectSchema.Construction construction =
        raw.isRecord() ? recordConstruction(raw) : classConstruction(raw, members);
    schema.init(
        fields,
        construction,
        config != null && config.extra() == Model.Extra.FORBID,
        modelValidators(raw));
  }

  private Field field(
      Class<?> owner,
      Member member,
      boolean strict,
      Model.Naming naming,
      Map<TypeVariable<?>, Type> bindings) {
    String where = owner.getName() + "." + member.name();
    boolean fieldStrict = strict || has(member.annotations(), Strict.class);
    Schema schema;
    try {
      schema = compileAnnotated(member.annotatedType(), member.type(), fieldStrict, bindings);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    Alias alias = find(member.annotations(), Alias.class);
    String jsonName = alias != null ? alias.value() : Names.apply(naming, member.name());
    Default defaults = find(member.annotations(), Default.class);
    boolean optional = raw(member.type()) == Optional.class;
    if (defaults != null && optional) {
      throw new IllegalArgumentException(where + ": use Optional or @Default, not both");
    }
    @Nullable Object defaultValue =
        defaults == null
            ? null
            : defaultValue(where, resolve(member.type(), bindings), defaults.value());
    List<Check> checks;
    try {
      checks = Check.forValue(member.annotations().toArray(Annotation[]::new));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where + ": " + String.valueOf(e.getMessage()).replace("on parameters", "on model fields"),
          e);
    }
    return new Field(
        member.name(),
        jsonName,
        schema,
        !optional && defaults == null,
        defaultValue,
        defaults == null ? List.of() : List.of(defaults.value()),
        checks,
        member.annotations(),
        fieldValidator(owner, member.name()));
  }

  /**
   * Like {@link #compile}, but also reads constraints written on type arguments ({@code
   * List<@Size(max = 3) String>}, {@code Map<String, @Positive Integer>}, {@code Optional<@Email
   * String>}): each constrained argument's schema checks its values.
   */
  private Schema compileAnnotated(
      AnnotatedType annotated, Type type, boolean strict, Map<TypeVariable<?>, Type> bindings) {
    if (!(annotated instanceof AnnotatedParameterizedType parameterized)
        || !(type instanceof ParameterizedType generic)) {
      return compile(type, strict, bindings);
    }
    AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
    Type[] types = generic.getActualTypeArguments();
    Class<?> raw = raw(type);
    if (raw == Optional.class) {
      return new OptionalSchema(argument(arguments[0], types[0], strict, bindings));
    }
    if (raw == List.class || raw == Collection.class || raw == Iterable.class) {
      return new ListSchema(
          argument(arguments[0], types[0], strict, bindings), ListSchema.Kind.LIST, null);
    }
    if (raw == Set.class) {
      return new ListSchema(
          argument(arguments[0], types[0], strict, bindings), ListSchema.Kind.SET, null);
    }
    if (Map.class.isAssignableFrom(raw) && types.length == 2) {
      return new MapSchema(
          mapKeys(resolve(types[0], bindings)), argument(arguments[1], types[1], strict, bindings));
    }
    return compile(type, strict, bindings);
  }

  private Schema argument(
      AnnotatedType annotated, Type type, boolean strict, Map<TypeVariable<?>, Type> bindings) {
    Schema schema = compileAnnotated(annotated, type, strict, bindings);
    List<Annotation> constraints = new ArrayList<>();
    for (Annotation a : annotated.getAnnotations()) {
      if (a.annotationType().getPackageName().equals("jakarta.validation.constraints")
          || a instanceof MultipleOf) {
        constraints.add(a);
      }
    }
    if (constraints.isEmpty()) {
      return schema;
    }
    List<Check> checks = Check.forValue(constraints.toArray(Annotation[]::new));
    return new CheckedSchema(schema, checks, List.copyOf(constraints));
  }

  private static Object defaultValue(String where, Type type, String[] raw) {
    Class<?> rawType = raw(type);
    try {
      if (List.class.isAssignableFrom(rawType) || Set.class.isAssignableFrom(rawType)) {
        Type element =
            type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
        ScalarConverter converter = converter(where, raw(element));
        List<Object> values = new ArrayList<>();
        for (String item : raw) {
          values.add(converter.convert(item));
        }
        return Set.class.isAssignableFrom(rawType) ? Set.copyOf(values) : List.copyOf(values);
      }
      if (raw.length != 1) {
        throw new IllegalArgumentException(
            where + ": @Default of a single value needs exactly one value");
      }
      return converter(where, rawType).convert(raw[0]);
    } catch (ConversionException e) {
      throw new IllegalArgumentException(
          where + ": its @Default does not convert: " + e.getMessage(), e);
    }
  }

  private static ScalarConverter converter(String where, Class<?> type) {
    return Scalars.converterFor(type)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    where + ": @Default is for scalar fields and lists of scalars"));
  }

  private static List<Member> recordMembers(Class<?> raw) {
    List<Member> members = new ArrayList<>();
    for (RecordComponent component : raw.getRecordComponents()) {
      Map<Class<?>, Annotation> annotations = new LinkedHashMap<>();
      for (Annotation a : component.getAnnotations()) {
        annotations.put(a.annotationType(), a);
      }
      try {
        for (Annotation a : raw.getDeclaredField(component.getName()).getAnnotations()) {
          annotations.putIfAbsent(a.annotationType(), a);
        }
      } catch (NoSuchFieldException impossible) {
        throw new IllegalStateException(impossible);
      }
      members.add(
          new Member(
              component.getName(),
              component.getGenericType(),
              component.getAnnotatedType(),
              List.copyOf(annotations.values())));
    }
    return members;
  }

  private static List<Member> classMembers(Class<?> raw) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.add(0, c);
    }
    List<Member> members = new ArrayList<>();
    for (Class<?> c : hierarchy) {
      for (java.lang.reflect.Field f : c.getDeclaredFields()) {
        int modifiers = f.getModifiers();
        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !f.isSynthetic()) {
          members.add(
              new Member(
                  f.getName(),
                  f.getGenericType(),
                  f.getAnnotatedType(),
                  List.of(f.getAnnotations())));
        }
      }
    }
    return members;
  }

  private static ObjectSchema.Construction recordConstruction(Class<?> raw) {
    RecordComponent[] components = raw.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    try {
      Constructor<?> constructor = raw.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      MethodHandle handle =
          MethodHandles.lookup()
              .unreflectConstructor(constructor)
              .asSpreader(Object[].class, types.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
      return values -> {
        try {
          return handle.invokeExact(values);
        } catch (IllegalArgumentException e) {
          throw e;
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Throwable e) {
          throw new IllegalStateException(e);
        }
      };
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          raw.getName() + ": its canonical constructor cannot be called: " + e.getMessage(), e);
    }
  }

  private static ObjectSchema.Construction classConstruction(Class<?> raw, List<Member> members) {
    try {
      Constructor<?> constructor = raw.getDeclaredConstructor();
      constructor.setAccessible(true);
      MethodHandle create = MethodHandles.lookup().unreflectConstructor(constructor);
      MethodHandle[] setters = new MethodHandle[members.size()];
      for (int i = 0; i < setters.length; i++) {
        setters[i] = setter(raw, members.get(i).name());
      }
      return values -> {
        try {
          Object instance = create.invoke();
          for (int i = 0; i < setters.length; i++) {
            setters[i].invoke(instance, values[i]);
          }
          return instance;
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Throwable e) {
          throw new IllegalStateException(e);
        }
      };
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          raw.getName() + " needs a no-argument constructor to be read from JSON", e);
    }
  }

  private static MethodHandle setter(Class<?> raw, String name)
      throws ReflectiveOperationException {
    String setterName = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.getName().equals(setterName)
            && method.getParameterCount() == 1
            && !Modifier.isStatic(method.getModifiers())) {
          method.setAccessible(true);
          return MethodHandles.lookup().unreflect(method);
        }
      }
    }
    for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        java.lang.reflect.Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return MethodHandles.lookup().unreflectSetter(field);
      } catch (NoSuchFieldException next) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(raw.getName() + "." + name);
  }

  private static @Nullable MethodHandle fieldValidator(Class<?> owner, String field) {
    for (Method method : owner.getDeclaredMethods()) {
      FieldValidator validator = method.getAnnotation(FieldValidator.class);
      if (validator != null && validator.value().equals(field)) {
        if (!Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 1) {
          throw new IllegalArgumentException(
              owner.getName()
                  + "."
                  + method.getName()
                  + ": a @FieldValidator is a static method taking the field's value");
        }
        try {
          method.setAccessible(true);
          return MethodHandles.lookup()
              .unreflect(method)
              .asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
          throw new IllegalArgumentException(
              owner.getName() + "." + method.getName() + " cannot be called", e);
        }
      }
    }
    return null;
  }

  private static List<MethodHandle> modelValidators(Class<?> owner) {
    List<MethodHandle> validators = new ArrayList<>();
    for (Method method : owner.getDeclaredMethods()) {
      if (method.isAnnotationPresent(ModelValidator.class)) {
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0) {
          throw new IllegalArgumentException(
              owner.getName()
                  + "."
                  + method.getName()
                  + ": a @ModelValidator is an instance method without parameters");
        }
        try {
          method.setAccessible(true);
          validators.add(
              MethodHandles.lookup()
                  .unreflect(method)
                  .asType(MethodType.methodType(void.class, Object.class)));
        } catch (IllegalAccessException e) {
          throw new IllegalArgumentException(
              owner.getName() + "." + method.getName() + " cannot be called", e);
        }
      }
    }
    return List.copyOf(validators);
  }

  private static boolean has(List<Annotation> annotations, Class<? extends Annotation> type) {
    return find(annotations, type) != null;
  }

  private static <A extends Annotation> @Nullable A find(
      List<Annotation> annotations, Class<A> type) {
    for (Annotation a : annotations) {
      if (type.isInstance(a)) {
        return type.cast(a);
      }
    }
    return null;
  }

  private static Type arg(Type[] args, int index) {
    return index < args.length ? args[index] : Object.class;
  }

  private static Type[] resolveAll(Type[] types, Map<TypeVariable<?>, Type> bindings) {
    Type[] resolved = new Type[types.length];
    for (int i = 0; i < types.length; i++) {
      resolved[i] = resolve(types[i], bindings);
    }
    return resolved;
  }

  private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable<?> variable) {
      return bindings.getOrDefault(variable, Object.class);
    }
    return type;
  }

  static Class<?> raw(Type type) {
    return switch (type) {
      case Class<?> c -> c;
      case ParameterizedType p -> (Class<?>) p.getRawType();
      case GenericArrayType g ->
          java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
      case WildcardType w -> raw(w.getUpperBounds()[0]);
      default -> Object.class;
    };
  }
}
