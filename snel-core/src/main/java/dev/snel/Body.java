package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Takes a parameter from the JSON request body.
 *
 * <p>Records and classes are body parameters without this annotation; it is needed for a scalar or
 * a list taken from the body, or to embed a single body parameter under its name ({@code {"item":
 * {...}}}), as FastAPI's {@code Body(embed=True)}. When a route has several body parameters, each
 * is read from the body object's member of its name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Body {
  /** The member name when embedded; empty means the Java parameter name. */
  String value() default "";

  /** Read this parameter from the member of its name even when it is the only body parameter. */
  boolean embed() default false;

  /** A description for the API documentation. */
  String description() default "";
}
