package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Takes a parameter from a request header.
 *
 * <p>Like FastAPI, the Java name is converted to a header name: underscores and camel-case humps
 * become hyphens, so {@code user_agent} and {@code userAgent} both read {@code user-agent}. Header
 * names are case-insensitive. A {@code List<String>} parameter receives every value of a repeated
 * header.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Header {
  /** The header name; empty means the converted Java parameter name. */
  String value() default "";

  /** Whether to convert the Java name to a hyphenated header name (FastAPI's default). */
  boolean convertUnderscores() default true;

  /** A description for the API documentation. */
  String description() default "";
}
