package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an instance method of a model (no parameters) as a check of the whole model, run after it
 * is built (pydantic's {@code @model_validator(mode="after")}). Throwing {@link
 * IllegalArgumentException} fails the model with a {@code value_error} at its location:
 *
 * <pre>{@code
 * public record Range(int low, int high) {
 *   @ModelValidator
 *   void ordered() {
 *     if (low > high) throw new IllegalArgumentException("low must not exceed high");
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ModelValidator {}
