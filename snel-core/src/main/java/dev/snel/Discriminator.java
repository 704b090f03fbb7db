package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a sealed interface of records a discriminated union, like pydantic's {@code
 * Field(discriminator=...)}: the JSON member of this name says which record the object is (see
 * {@link Tag}). Without it, a sealed interface is a plain union: each record is tried in order.
 *
 * <pre>{@code
 * @Discriminator("pet_type")
 * public sealed interface Pet permits Cat, Dog {}
 * @Tag("cat") public record Cat(boolean meows) implements Pet {}
 * @Tag("dog") public record Dog(double barks) implements Pet {}
 * // {"pet_type": "cat", "meows": true} -> Cat
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Discriminator {
  /** The JSON member holding the tag. */
  String value();
}
