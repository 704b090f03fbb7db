package dev.snel.internal.params;

import dev.snel.BackgroundTasks;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Scope;
import dev.snel.internal.schema.Schemas;
import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one app can inject: objects known by type (the request, the response, the scope, and kinds
 * later features register), provided singletons, the app-scoped instances of dependency classes,
 * and the overrides tests put in place. Registration happens while the app is configured; lookups
 * are then thread-safe.
 */
public final class Injection {
  private static final Logger LOG = LoggerFactory.getLogger(Injection.class);

  /** How an object known by type is bound, and whether it needs a request. */
  public record ByType(ParamBinder binder, boolean needsRequest) {}

  /**
   * A kind of form value other than text (an uploaded file): parameters of its type, or a List or
   * Optional of it, are form fields of the request, bound by what this makes.
   */
  @FunctionalInterface
  public interface FormValue {
    /** The binder of a parameter reading the field {@code wireName}. */
    ParamBinder binder(String wireName, boolean multi, boolean required, boolean optional);
  }

  private final Schemas types;
  private final Map<Class<?>, ByType> byType = new HashMap<>();
  private final Map<Class<?>, FormValue> formValues = new HashMap<>();
  private final Map<Class<? extends Annotation>, AnnotationResolver<?>> byAnnotation =
      new LinkedHashMap<>();
  private final Map<Class<?>, Singleton> singletons = new ConcurrentHashMap<>();
  private final List<Object> closeables = new ArrayList<>();
  private final Map<Class<?>, Object> overrides = new ConcurrentHashMap<>();
  private final Map<List<Class<?>>, Standalone> standalone = new ConcurrentHashMap<>();
  private volatile boolean overridden;

  /** The injection of an app whose models are compiled in these schemas. */
  public Injection(Schemas types) {
    this.types = types;
    byType.put(Request.class, new ByType(RequestScope::request, true));
    byType.put(Response.class, new ByType(RequestScope::response, true));
    byType.put(Scope.class, new ByType(scope -> scope, false));
    byType.put(BackgroundTasks.class, new ByType(RequestScope::backgroundTasks, false));
    formValues.put(dev.snel.UploadFile.class, UploadFileBinder.KIND);
  }

  /** Makes parameters of this type form fields bound by the kind (a new kind of form value). */
  public void register(Class<?> type, FormValue kind) {
    formValues.put(type, kind);
  }

  @Nullable FormValue formValue(Class<?> type) {
    return formValues.get(type);
  }

  /** The app's compiled schemas. */
  public Schemas types() {
    return types;
  }

  /** Makes parameters of a type receive what the binder produces (a new kind of injectable). */
  public void register(Class<?> type, ByType binding) {
    byType.put(type, binding);
  }

  @Nullable ByType byType(Class<?> type) {
    return byType.get(type);
  }

  /** Makes parameters carrying this annotation resolve through the resolver. */
  public <A extends Annotation> void register(Class<A> annotation, AnnotationResolver<A> resolver) {
    byAnnotation.put(annotation, resolver);
  }

  /** The registered annotation on the parameter and its resolver's result; null if none. */
  @SuppressWarnings("unchecked")
  AnnotationResolver.@Nullable Resolved byAnnotation(Parameter parameter, List<String> scopes) {
    for (Annotation annotation : parameter.getAnnotations()) {
      AnnotationResolver<?> resolver = byAnnotation.get(annotation.annotationType());
      if (resolver != null) {
        return ((AnnotationResolver<Annotation>) resolver).resolve(annotation, parameter, scopes);
      }
    }
    return null;
  }

  /**
   * One object the app holds for every parameter of its type: given, or created on first use (at
   * startup, or by the first request that needs it) and then kept.
   */
  public final class Singleton implements Supplier<Object> {
    private final Supplier<?> factory;
    private volatile @Nullable Object value;

    private Singleton(Supplier<?> factory) {
      this.factory = factory;
    }

    @Override
    public Object get() {
      Object known = value;
      if (known != null) {
        return known;
      }
      synchronized (Injection.this) {
        known = value;
        if (known == null) {
          known = Objects.requireNonNull(factory.get(), "a provider returned null");
          value = known;
          if (!closeables.contains(known)) {
            closeables.add(known);
          }
        }
        return known;
      }
    }

    /**
     * Closes the object made, if it is {@link AutoCloseable}, and forgets it, so that the app's
     * next start makes another; the app's {@link Injection#close()} no longer closes it.
     */
    public void release() throws Exception {
      Object known;
      synchronized (Injection.this) {
        known = value;
        value = null;
        if (known == null || !closeables.removeIf(held -> held == known)) {
          return;
        }
      }
      if (known instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  /** Makes every parameter of this type receive this object; closed with the app if closeable. */
  public void provide(Class<?> type, Object instance) {
    provide(type, () -> instance).get();
  }

  /**
   * Makes every parameter of this type receive the object the factory makes, once, when {@link
   * Singleton#get()} is first called; closed with the app if closeable.
   */
  public synchronized Singleton provide(Class<?> type, Supplier<?> factory) {
    Singleton singleton = new Singleton(factory);
    if (singletons.putIfAbsent(type, singleton) != null) {
      throw new IllegalStateException("a " + type.getName() + " is provided already");
    }
    return singleton;
  }

  @Nullable Singleton singleton(Class<?> type) {
    return singletons.get(type);
  }

  /**
   * The app's one instance of a dependency class: the provided one, else one the factory creates on
   * first use (and the app closes).
   */
  synchronized Singleton instance(Class<?> type, Supplier<Object> create) {
    Singleton known = singletons.get(type);
    return known != null ? known : provide(type, create);
  }

  /**
   * Whether the app holds this object (a provided singleton or an app-scoped instance). Asked for
   * every closeable value a dependency returns (a JDBI handle each request), so without the app's
   * lock: every object the app holds is a singleton's value.
   */
  boolean holds(Object value) {
    for (Singleton singleton : singletons.values()) {
      if (singleton.value == value) {
        return true;
      }
    }
    return false;
  }

  /**
   * Closes what the app created or was given that is {@link AutoCloseable}, in reverse order of
   * creation; failures are logged, and the rest still closed.
   */
  public synchronized void close() {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      if (closeables.get(i) instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.error("Closing {} failed", closeable, e);
        }
      }
    }
    closeables.clear();
  }

  /** Makes the dependency class resolve through the replacement's one public method. */
  public void override(Class<?> dependency, Object replacement) {
    ParamCompiler.providerMethod(replacement.getClass(), "the override of " + dependency.getName());
    overrides.put(dependency, replacement);
    overridden = true;
  }

  /** Undoes an override, if this replacement is still the one in place. */
  public void removeOverride(Class<?> dependency, Object replacement) {
    overrides.remove(dependency, replacement);
    overridden = !overrides.isEmpty();
  }

  boolean hasOverrides() {
    return overridden;
  }

  @Nullable Object overrideOf(Class<?> dependency) {
    return overrides.get(dependency);
  }

  /** A dependency compiled to be resolved outside a request, once per (dependency, type). */
  Standalone standalone(Class<?> dependency, Class<?> type) {
    Singleton singleton = singletons.get(dependency);
    if (singleton != null && type.isAssignableFrom(dependency)) {
      return scope -> singleton.get();
    }
    return standalone.computeIfAbsent(
        List.of(dependency, type),
        key -> {
          ParamBinder binder = ParamCompiler.standalone(dependency, type, this);
          return binder::bind;
        });
  }

  /** A compiled dependency resolved in a scope of its own. */
  @FunctionalInterface
  interface Standalone {
    @Nullable Object resolve(RequestScope scope) throws Throwable;
  }
}
