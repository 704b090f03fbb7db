package dev.snel.internal.params;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * What startup learned about one handler parameter; drives binding now and the OpenAPI parameter
 * object later.
 *
 * @param javaName the Java parameter name
 * @param source where the value comes from
 * @param wireName the name in the request (alias, converted header name, body member)
 * @param valueType the type of one value (the element type for lists; unwrapped from Optional)
 * @param multi whether the parameter takes every value (List/Set)
 * @param unique whether those values are a Set (JSON Schema's uniqueItems)
 * @param required whether the request must carry it
 * @param defaultValue the default as written in {@code @Default}, if any
 * @param description the description from the source annotation; empty if none
 * @param annotations the parameter's annotations (constraints, docs)
 */
public record ParamModel(
    String javaName,
    Source source,
    String wireName,
    Type valueType,
    boolean multi,
    boolean unique,
    boolean required,
    Optional<List<String>> defaultValue,
    String description,
    List<Annotation> annotations) {}
