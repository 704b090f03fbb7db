package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as the handler of HTTP PATCH requests to a path template.
 *
 * <p>The template may hold {@code {name}} placeholders (one path segment) and a final {@code
 * {name:path}} placeholder (the rest of the path, slashes included). Method parameters named like a
 * placeholder are path parameters; see {@link Snel} for the other rules.
 *
 * <pre>{@code
 * @Patch("/items/{item_id}")
 * public Item handle(long item_id) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Patch {
  /** The path template, e.g. {@code "/items/{item_id}"}. */
  String value();
}
