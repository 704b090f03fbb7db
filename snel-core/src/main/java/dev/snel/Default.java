package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a parameter takes when the request does not carry it, written as the request
 * would carry it; a parameter with a default is optional. FastAPI's {@code limit: int = 10}:
 *
 * <pre>{@code
 * @Get("/items")
 * public List<Item> list(@Default("10") int limit, @Default({"a", "b"}) List<String> tags) { ... }
 * }</pre>
 *
 * <p>The default is converted and validated once, at startup, so a bad default fails there.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Default {
  /** The default value; several values for a list parameter. */
  String[] value();
}
