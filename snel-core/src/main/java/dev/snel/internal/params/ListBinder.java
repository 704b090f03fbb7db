package dev.snel.internal.params;

import dev.snel.internal.values.Check;
import dev.snel.internal.values.ConversionException;
import dev.snel.internal.values.ScalarConverter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Binds a query, header or form parameter holding several values ({@code ?id=1&id=2}) into a List
 * or Set; errors name the item's index, like pydantic's {@code ["query", "id", 1]}.
 */
final class ListBinder implements ParamBinder {
  private final Source source;
  private final String wireName;
  private final ScalarConverter converter;
  private final List<Check> itemChecks;
  private final List<Check> listChecks;
  private final boolean set;
  private final boolean required;
  private final boolean optional;
  private final @Nullable Object missingValue;
  private final List<Object> loc;

  ListBinder(
      Source source,
      String wireName,
      ScalarConverter converter,
      List<Check> itemChecks,
      List<Check> listChecks,
      boolean set,
      boolean required,
      boolean optional,
      @Nullable Object missingValue) {
    this.source = source;
    this.wireName = wireName;
    this.converter = converter;
    this.itemChecks = itemChecks;
    this.listChecks = listChecks;
    this.set = set;
    this.required = required;
    this.optional = optional;
    this.missingValue = missingValue;
    this.loc = List.of(source.loc(), wireName);
  }

  @Override
  public @Nullable Object bind(RequestScope scope) {
    List<String> raw =
        switch (source) {
          case HEADER -> scope.request().headers().all(wireName);
          case FORM -> scope.form().getOrDefault(wireName, List.of());
          default -> scope.request().queryAll(wireName);
        };
    if (raw.isEmpty()) {
      if (required) {
        scope.missing(loc);
      }
      return missingValue;
    }
    Collection<Object> values = set ? new LinkedHashSet<>() : new ArrayList<>(raw.size());
    boolean failed = false;
    for (int i = 0; i < raw.size(); i++) {
      try {
        Object value = converter.convert(raw.get(i));
        for (Check check : itemChecks) {
          value = check.apply(value);
        }
        values.add(value);
      } catch (ConversionException e) {
        scope.fail(List.of(source.loc(), wireName, i), e, raw.get(i));
        failed = true;
      }
    }
    if (failed) {
      return missingValue;
    }
    try {
      for (Check check : listChecks) {
        check.check(values);
      }
    } catch (ConversionException e) {
      scope.fail(loc, e, raw);
      return missingValue;
    }
    Collection<Object> result =
        set
            ? Collections.unmodifiableSet((LinkedHashSet<Object>) values)
            : Collections.unmodifiableList((List<Object>) values);
    return optional ? Optional.of(result) : result;
  }

  /** Converts a default written as strings, at startup. */
  static Collection<Object> convertDefault(
      List<String> raw, ScalarConverter converter, boolean set) {
    Collection<Object> values = set ? new LinkedHashSet<>() : new ArrayList<>();
    for (String item : raw) {
      values.add(converter.convert(item));
    }
    return set
        ? Collections.unmodifiableSet((LinkedHashSet<Object>) values)
        : Collections.unmodifiableList((List<Object>) values);
  }
}
