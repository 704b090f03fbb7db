package dev.snel.internal.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed path template such as {@code /items/{item_id}} or {@code /files/{file_path:path}}.
 *
 * @param template the template as written
 * @param segments one entry per {@code /}-separated segment
 */
public record PathTemplate(String template, List<Segment> segments) {

  /** One segment: literal text, a one-segment parameter, or the catch-all rest of the path. */
  public sealed interface Segment {}

  /** Literal text that must match exactly. */
  public record Literal(String text) implements Segment {}

  /** {@code {name}}: one non-empty segment. */
  public record Param(String name) implements Segment {}

  /** {@code {name:path}}: the rest of the path, slashes included; only last. */
  public record CatchAll(String name) implements Segment {}

  /** Parses a template; throws {@link IllegalArgumentException} naming what is wrong. */
  public static PathTemplate parse(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("path template must start with '/': " + template);
    }
    List<Segment> segments = new ArrayList<>();
    List<String> names = new ArrayList<>();
    String[] parts = RouteTree.split(template);
    for (int i = 0; i < parts.length; i++) {
      Segment segment = segment(template, parts[i]);
      if (segment instanceof CatchAll && i != parts.length - 1) {
        throw new IllegalArgumentException(
            "a {name:path} parameter must be the last segment: " + template);
      }
      String name =
          switch (segment) {
            case Param p -> p.name();
            case CatchAll c -> c.name();
            case Literal l -> null;
          };
      if (name != null && names.contains(name)) {
        throw new IllegalArgumentException("duplicate path parameter '" + name + "': " + template);
      }
      if (name != null) {
        names.add(name);
      }
      segments.add(segment);
    }
    return new PathTemplate(template, List.copyOf(segments));
  }

  private static Segment segment(String template, String part) {
    int open = part.indexOf('{');
    if (open < 0) {
      if (part.indexOf('}') >= 0) {
        throw new IllegalArgumentException("unbalanced '}' in path template: " + template);
      }
      return new Literal(part);
    }
    if (open != 0 || !part.endsWith("}") || part.indexOf('{', 1) >= 0) {
      throw new IllegalArgumentException(
          "a path parameter must fill its whole segment, like /{name}/: " + template);
    }
    String inner = part.substring(1, part.length() - 1);
    int colon = inner.indexOf(':');
    String name = colon < 0 ? inner : inner.substring(0, colon);
    String convertor = colon < 0 ? "str" : inner.substring(colon + 1);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty path parameter name: " + template);
    }
    return switch (convertor) {
      case "str" -> new Param(name);
      case "path" -> new CatchAll(name);
      default ->
          throw new IllegalArgumentException(
              "unknown path convertor '" + convertor + "' (use str or path): " + template);
    };
  }

  /** The parameter names in order of appearance. */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (Segment segment : segments) {
      switch (segment) {
        case Param p -> names.add(p.name());
        case CatchAll c -> names.add(c.name());
        case Literal l -> {}
      }
    }
    return names;
  }
}
