package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shapes a route's response, like FastAPI's {@code response_model} and its {@code response_model_*}
 * options. Without it, the method's declared return type is the response model. Members not in the
 * model are never sent, whatever object the handler returns.
 *
 * <pre>{@code
 * @Post("/users/")
 * @ResponseModel(value = UserResponse.class, excludeNone = true)
 * public UserEntity create(UserCreate user) { ... }   // the entity's password is not sent
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ResponseModel {
  /** The model; {@code void.class} means the declared return type. */
  Class<?> value() default void.class;

  /** Leave out members whose value is null or an empty Optional. */
  boolean excludeNone() default false;

  /** Leave out members equal to their declared default. */
  boolean excludeDefaults() default false;

  /** Leave out members the object did not set: null, empty, or equal to the default. */
  boolean excludeUnset() default false;

  /** Send only these top-level members (JSON names); empty means all. */
  String[] include() default {};

  /** Never send these top-level members (JSON names). */
  String[] exclude() default {};
}
