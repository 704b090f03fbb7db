package dev.snel.internal.values;

/** Converts one string from a path, query, header or cookie into a Java value. */
@FunctionalInterface
public interface ScalarConverter {
  /** The value; throws {@link ConversionException} with pydantic's error when it is invalid. */
  Object convert(String raw);
}
