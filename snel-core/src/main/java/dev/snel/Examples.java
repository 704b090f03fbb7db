package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Example values of a model field or a parameter for the JSON Schema ({@code examples}), each
 * written as JSON: {@code @Examples({"\"alice\"", "\"bob\""})}, {@code @Examples("42")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Examples {
  /** The examples, as JSON texts. */
  String[] value();
}
