package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Takes a parameter from a form body ({@code application/x-www-form-urlencoded}), as FastAPI's
 * {@code Form()} does: {@code username=johndoe&password=secret}.
 *
 * <pre>{@code
 * @Post("/login")
 * public Map<String, String> login(@Form String username, @Form String password) { ... }
 * }</pre>
 *
 * <p>A scalar parameter takes the field's last value, a {@code List} or {@code Set} every value of
 * a repeated field; {@code Optional} or {@link Default} makes it optional, and a field sent empty
 * ({@code username=}) counts as not sent. Errors are located at {@code ["body", name]}.
 *
 * <p>On a record parameter, the record is the form: each of its components is read from the field
 * of its name, an empty value is kept as sent, and {@code @Model(extra = FORBID)} refuses fields
 * the record does not declare (FastAPI's {@code Annotated[FormModel, Form()]}).
 *
 * <p>Like FastAPI, the body is read as a form whatever its content type says: a body of any other
 * type (JSON, say) is an empty form, whose required fields are missing. Multipart bodies ({@code
 * multipart/form-data}) are not read yet: until file uploads arrive they count as an empty form
 * too, where FastAPI would read their fields.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Form {
  /** The field name on the wire (an alias); empty means the Java parameter name. */
  String value() default "";

  /** A description for the API documentation. */
  String description() default "";
}
