package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a parameter takes when the request does not carry it, written as the request would
 * carry it; a parameter with a default is optional. FastAPI's {@code limit: int = 10}:
 *
 * <pre>{@code
 * @Get("/items")
 * public List<Item> list(@Default("10") int limit, @Default({"a", "b"}) List<String> tags) { ... }
 * }</pre>
 *
 * <p>On a model field (a record component or a class field) it makes the member optional in the
 * JSON body, with this value when absent: {@code record Item(String name, @Default("10.5") double
 * tax) {}}.
 *
 * <p>The default is converted once, at startup, so a bad default fails there.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Default {
  /** The default value; several values for a list parameter. */
  String[] value();
}
