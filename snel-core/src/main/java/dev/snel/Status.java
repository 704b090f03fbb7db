package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The status code of a route's successful response, like FastAPI's {@code status_code=}.
 *
 * <pre>{@code
 * @Post("/items")
 * @Status(201)
 * public Item create(Item item) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Status {
  /** The HTTP status code, e.g. 201. */
  int value();
}
