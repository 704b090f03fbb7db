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
 *
 * <p>On a record of a sealed interface that a route returns, it is the status of the response when
 * the handler returns that record, and the OpenAPI document lists each status with its own schema.
 * Records without it get the route's status:
 *
 * <pre>{@code
 * public sealed interface ItemResult permits Found, Missing {}
 * public record Found(String name) implements ItemResult {}
 * @Status(404) public record Missing(String detail) implements ItemResult {}
 *
 * @Get("/items/{id}")
 * public ItemResult read(long id) { ... }   // 200 with Found, 404 with Missing
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Status {
  /** The HTTP status code, e.g. 201. */
  int value();
}
