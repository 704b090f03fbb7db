package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name of a model field in JSON, in requests, responses and the JSON Schema alike (pydantic
 * with {@code alias=} and FastAPI's by_alias output):
 *
 * <pre>{@code
 * public record User(@Alias("createdAt") Instant created_at) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface Alias {
  /** The JSON name. */
  String value();
}
