package dev.snel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of the core's internal packages, read from the sources: value conversions depend on
 * no other internal package, schemas on values but not on parameters, so there is no cycle.
 */
class PackageDependenciesTest {
  private static final java.nio.file.Path SOURCES =
      java.nio.file.Path.of("src/main/java/dev/snel/internal");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?dev\\.snel\\.internal\\.(\\w+)\\.", Pattern.MULTILINE);

  private static Set<String> internalImportsOf(String pkg) throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<java.nio.file.Path> files = Files.list(SOURCES.resolve(pkg))) {
      for (java.nio.file.Path file : files.toList()) {
        Matcher imports = IMPORT.matcher(Files.readString(file));
        while (imports.find()) {
          if (!imports.group(1).equals(pkg)) {
            used.add(imports.group(1));
          }
        }
      }
    }
    return used;
  }

  @Test
  void value_conversions_depend_on_no_other_internal_package() throws IOException {
    assertThat(internalImportsOf("values")).isEmpty();
  }

  @Test
  void parameters_do_not_depend_on_the_security_schemes_that_plug_into_them() throws IOException {
    assertThat(internalImportsOf("params")).doesNotContain("security", "openapi");
  }

  @Test
  void schemas_do_not_depend_on_parameters() throws IOException {
    assertThat(internalImportsOf("schema")).doesNotContain("params", "routing", "pipeline");
  }
}
