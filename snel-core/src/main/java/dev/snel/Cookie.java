package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Takes a parameter from a cookie of the request's {@code Cookie} header.
 *
 * <p>Needed only to override the source Snel infers from the signature, or to give the parameter
 * another name on the wire ({@link #value()}) or a description for the docs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Cookie {
  /** The name on the wire (an alias); empty means the Java parameter name. */
  String value() default "";

  /** A description for the API documentation. */
  String description() default "";
}
