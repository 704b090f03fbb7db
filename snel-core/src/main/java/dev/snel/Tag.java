package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tag of one record of a {@link Discriminator discriminated union}; without it, the tag is the
 * record's simple name. Snel writes the tag into the JSON it sends as the union and reads it from
 * the JSON it receives; the record need not declare it. The member holding it is each union's own:
 * a record may be in two unions with different discriminators, and a route answering with the
 * record itself (not the union) writes no tag.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Tag {
  /** The tag value. */
  String value();
}
