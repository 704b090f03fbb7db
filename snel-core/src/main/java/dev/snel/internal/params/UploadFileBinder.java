package dev.snel.internal.params;

import dev.snel.UploadFile;
import dev.snel.ValidationError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Binds an {@link UploadFile} parameter from the multipart form: one file (the last sent under the
 * field's name, as FastAPI takes it), every file of the field for a {@code List<UploadFile>}, or an
 * {@code Optional}. A field sent as text where a file is declared is FastAPI's 422 value_error.
 */
final class UploadFileBinder implements ParamBinder {
  private final String wireName;
  private final boolean multi;
  private final boolean required;
  private final boolean optional;
  private final List<Object> loc;

  UploadFileBinder(String wireName, boolean multi, boolean required, boolean optional) {
    this.wireName = wireName;
    this.multi = multi;
    this.required = required;
    this.optional = optional;
    this.loc = List.of(Source.FORM.loc(), wireName);
  }

  /** The parameter kind the compiler asks {@link Injection} for: form values of this type. */
  static final Injection.FormValue KIND = UploadFileBinder::new;

  @Override
  public @Nullable Object bind(RequestScope scope) {
    List<UploadFile> files = scope.files().get(wireName);
    if (files == null) {
      List<String> texts = scope.form().get(wireName);
      if (texts != null && !(texts.size() == 1 && texts.get(0).isEmpty() && !multi)) {
        notFiles(scope, texts);
        return null;
      }
      if (required) {
        scope.missing(loc);
        return null;
      }
      return optional ? Optional.empty() : null;
    }
    Object value = multi ? List.copyOf(files) : files.get(files.size() - 1);
    return optional ? Optional.of(value) : value;
  }

  /** pydantic's error for each text value where FastAPI expects an UploadFile. */
  private void notFiles(RequestScope scope, List<String> texts) {
    List<String> wrong = multi ? texts : List.of(texts.get(texts.size() - 1));
    for (int i = 0; i < wrong.size(); i++) {
      List<Object> at = new ArrayList<>(loc);
      if (multi) {
        at.add(i);
      }
      scope.fail(
          new ValidationError(
              "value_error",
              at,
              "Value error, Expected UploadFile, received: <class 'str'>",
              wrong.get(i),
              Map.of("error", Map.of())));
    }
  }
}
