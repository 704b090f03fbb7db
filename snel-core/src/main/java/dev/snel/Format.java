package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JSON Schema {@code format} for the API docs, such as {@code "password"}, which makes Swagger UI
 * hide what is typed (pydantic's {@code json_schema_extra={"format": "password"}}). It documents
 * only; it checks nothing.
 *
 * <pre>{@code
 * public Token login(@Form String username, @Form @Format("password") String password) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Format {
  /** The format's name, e.g. {@code password}. */
  String value();
}
