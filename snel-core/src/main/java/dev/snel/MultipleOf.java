package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The number must be a multiple of this value (pydantic's {@code multiple_of}); fails with {@code
 * multiple_of} "Input should be a multiple of 5".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.TYPE_USE
})
public @interface MultipleOf {
  /** The divisor. */
  double value();
}
