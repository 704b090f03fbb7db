package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of a model as the validator of one of its fields, run after the field is
 * decoded and its constraints pass (pydantic's {@code @field_validator}, "after" mode). It takes
 * the value and returns it, possibly changed; throwing {@link IllegalArgumentException} fails the
 * field with a {@code value_error} carrying the exception's message:
 *
 * <pre>{@code
 * public record User(String username) {
 *   @FieldValidator("username")
 *   static String noSpaces(String username) {
 *     if (username.contains(" ")) throw new IllegalArgumentException("must not contain a space");
 *     return username;
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FieldValidator {
  /** The Java name of the field validated. */
  String value();
}
