package dev.snel.internal.params;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a security scheme adds to the OpenAPI document: its entry in {@code
 * components.securitySchemes} and, on the operation, the scopes it requires.
 *
 * @param name the scheme's name in the document
 * @param scheme the scheme's JSON object
 * @param scopes the scopes required along the dependency chain down to the scheme
 */
public record SecurityRequirement(String name, ObjectNode scheme, List<String> scopes) {}
