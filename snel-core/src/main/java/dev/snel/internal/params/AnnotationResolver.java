package dev.snel.internal.params;

import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a parameter that carries an annotation of a registered kind, such as a security scheme:
 * a new kind of injectable, added to an app's {@link Injection} without changing the compiler.
 */
@FunctionalInterface
public interface AnnotationResolver<A extends Annotation> {

  /**
   * How the parameter is bound.
   *
   * @param binder produces the argument
   * @param needsRequest whether it reads the request (then it cannot be resolved outside one)
   * @param security what it adds to the OpenAPI document; null for nothing
   */
  record Resolved(
      ParamBinder binder, boolean needsRequest, @Nullable SecurityRequirement security) {}

  /**
   * Compiles the parameter; throws {@link IllegalArgumentException} with a message naming the
   * problem when the declaration is wrong (the compiler adds the route and the parameter).
   *
   * @param scopes the security scopes required along the dependency chain above the parameter
   */
  Resolved resolve(A annotation, Parameter parameter, List<String> scopes);
}
