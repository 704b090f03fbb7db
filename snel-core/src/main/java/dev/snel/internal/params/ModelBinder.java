package dev.snel.internal.params;

import dev.snel.Request;
import dev.snel.ValidationError;
import dev.snel.internal.schema.Decoding;
import dev.snel.internal.schema.FlatModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Binds a parameter model: a record read member by member from the query, the headers, the cookies
 * or the form, as FastAPI validates {@code Annotated[Model, Query()]} and its kin. What is received
 * under other names goes to the model too, which ignores it or, forbidding extras, refuses each
 * with {@code extra_forbidden}.
 */
final class ModelBinder implements ParamBinder {
  private final Source source;
  private final FlatModel model;
  private final String[] wireNames;
  private final boolean[] multi;
  private final Set<String> declared;
  private final List<Object> root;

  /**
   * @param wireNames per member, the name it is read under
   * @param declared the received names that are not extras: FastAPI's processed keys
   */
  ModelBinder(Source source, FlatModel model, List<String> wireNames, Set<String> declared) {
    this.source = source;
    this.model = model;
    this.wireNames = wireNames.toArray(String[]::new);
    this.multi = new boolean[this.wireNames.length];
    for (int i = 0; i < multi.length; i++) {
      multi[i] = model.members().get(i).multi();
    }
    this.declared = Set.copyOf(declared);
    this.root = List.of(source.loc());
  }

  @Override
  public @Nullable Object bind(RequestScope scope) {
    Object[] found = new Object[wireNames.length];
    for (int i = 0; i < found.length; i++) {
      found[i] = read(scope, wireNames[i], multi[i]);
    }
    List<ValidationError> errors = new ArrayList<>(0);
    Object value = model.decode(found, others(scope), root, errors);
    errors.forEach(scope::fail);
    return Decoding.invalid(value) ? null : value;
  }

  /**
   * One member's value: for a multi member every value, or null if none; else one value, which for
   * a query or a form is the last, for a header the first. An empty value is kept as sent.
   */
  private @Nullable Object read(RequestScope scope, String name, boolean multi) {
    Request request = scope.request();
    List<String> values =
        switch (source) {
          case QUERY -> request.queryAll(name);
          case HEADER -> request.headers().all(name);
          case FORM -> scope.form().getOrDefault(name, List.of());
          // Starlette's cookies are a plain dict: one value, even for a list member
          default -> {
            String cookie = request.cookies().get(name);
            yield cookie == null ? List.of() : List.of(cookie);
          }
        };
    if (values.isEmpty()) {
      return null;
    }
    if (multi && source != Source.COOKIE) {
      return values;
    }
    return source == Source.HEADER ? values.get(0) : values.get(values.size() - 1);
  }

  /** The names received besides the members', each with its value or, repeated, its values. */
  private Map<String, Object> others(RequestScope scope) {
    Map<String, Object> others = new LinkedHashMap<>();
    Request request = scope.request();
    switch (source) {
      case QUERY -> request.queryParams().forEach((name, values) -> other(others, name, values));
      case HEADER ->
          request.headers().names().forEach(n -> other(others, n, request.headers().all(n)));
      case FORM -> scope.form().forEach((name, values) -> other(others, name, values));
      default ->
          request
              .cookies()
              .forEach(
                  (name, value) -> {
                    if (!declared.contains(name)) {
                      others.put(name, value);
                    }
                  });
    }
    return others;
  }

  private void other(Map<String, Object> others, String name, List<String> values) {
    if (!declared.contains(name)) {
      others.put(name, values.size() == 1 ? values.get(0) : values);
    }
  }
}
