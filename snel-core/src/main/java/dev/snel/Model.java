package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Model-wide settings of a record or class, like pydantic's {@code model_config}.
 *
 * <pre>{@code
 * @Model(naming = Model.Naming.CAMEL_CASE, extra = Model.Extra.FORBID)
 * public record Order(long order_id, String customer_name) {}   // {"orderId": 1, "customerName": "x"}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Model {
  /** How JSON names are made from Java field names (an {@link Alias} wins). */
  Naming naming() default Naming.AS_DECLARED;

  /** What to do with JSON members the model does not declare. */
  Extra extra() default Extra.IGNORE;

  /** JSON names from Java names. */
  enum Naming {
    /** The Java name as written. */
    AS_DECLARED,
    /** {@code createdAt} and {@code created_at} become {@code created_at}. */
    SNAKE_CASE,
    /** {@code created_at} and {@code createdAt} become {@code createdAt}. */
    CAMEL_CASE
  }

  /** Unknown members in the input. */
  enum Extra {
    /** Skip them (pydantic's default). */
    IGNORE,
    /** Fail with {@code extra_forbidden} "Extra inputs are not permitted". */
    FORBID
  }
}
