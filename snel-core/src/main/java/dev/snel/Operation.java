package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a route appears in the OpenAPI document, like the documentation arguments of FastAPI's route
 * decorators. Everything is optional: without it, the summary comes from the method name ({@code
 * readItem} is "Read Item") and the operationId like FastAPI's ({@code
 * read_item_items__item_id__get}). A method annotated {@code @Deprecated} is marked deprecated, and
 * so is a parameter annotated {@code @Deprecated} (FastAPI's {@code Query(deprecated=True)}).
 *
 * <pre>{@code
 * @Get("/items/{item_id}")
 * @Operation(summary = "Read one item", operationId = "readItem", responseDescription = "The item")
 * public Item readItem(long item_id) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Operation {
  /** The summary; empty means one made from the method name. */
  String summary() default "";

  /** The description (Markdown); empty means the method has none. */
  String description() default "";

  /** The operationId; empty means FastAPI's generated one. */
  String operationId() default "";

  /** The description of the successful response. */
  String responseDescription() default "Successful Response";

  /** Leave the route out of the OpenAPI document (FastAPI's include_in_schema=False). */
  boolean hidden() default false;
}
