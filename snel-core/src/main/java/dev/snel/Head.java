package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as the handler of HTTP HEAD requests to a path template.
 *
 * <p>Rarely needed: every {@link Get} route already answers HEAD with the same status and headers
 * and no body. Declare a HEAD route only to answer HEAD differently.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Head {
  /** The path template, e.g. {@code "/items/{item_id}"}. */
  String value();
}
