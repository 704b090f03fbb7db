package dev.snel.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tutorial pages show the code of example apps (and of their tests, for the testing page) as it
 * is, so a page cannot drift from code that the examples' tests exercise. Runs from the
 * docs/check module; reads ../tutorial and ../../examples.
 */
class TutorialSnippetsTest {
  private static final Path DOCS = Path.of("").toAbsolutePath().getParent();
  private static final Path EXAMPLES = DOCS.resolveSibling("examples");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "first-steps.md, minimal",
    "path-params.md, path-params",
    "query-params.md, query-params",
    "handling-errors.md, handling-errors",
    "body-and-models.md, body-models",
    "interactive-docs.md, interactive-docs",
    "testing.md, minimal"
  })
  void every_java_block_of_the_page_is_code_of_an_example_app(String pageName, String example) throws IOException {
    String page = Files.readString(DOCS.resolve("tutorial").resolve(pageName));
    // the testing page shows tests; every other page shows app code
    List<List<String>> sources = exampleSources(pageName.equals("testing.md") ? "test" : "main");
    List<List<String>> blocks = javaBlocks(page);
    assertThat(blocks).isNotEmpty();
    for (List<String> block : blocks) {
      assertThat(sources.stream().anyMatch(source -> contains(source, block)))
          .as("this block of %s is in no example's sources:%n%s", pageName, String.join("\n", block))
          .isTrue();
    }
    assertThat(page).contains("examples/run " + example);
  }

  private static List<List<String>> exampleSources(String sourceSet) throws IOException {
    List<List<String>> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      for (Path file : files.filter(f -> f.toString().matches(".*/src/" + sourceSet + "/java/.*\\.java")).toList()) {
        sources.add(Files.readAllLines(file));
      }
    }
    return sources;
  }

  private static List<List<String>> javaBlocks(String page) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> block = null;
    for (String line : page.lines().toList()) {
      if (block == null && line.equals("```java")) {
        block = new ArrayList<>();
      } else if (block != null && line.equals("```")) {
        blocks.add(block);
        block = null;
      } else if (block != null) {
        block.add(line);
      }
    }
    return blocks;
  }

  /** Whether the source has the block's lines in a row, all indented alike. */
  private static boolean contains(List<String> source, List<String> block) {
    String first = block.getFirst();
    for (int start = 0; start + block.size() <= source.size(); start++) {
      String line = source.get(start);
      if (!line.endsWith(first) || !line.substring(0, line.length() - first.length()).isBlank()) {
        continue;
      }
      String indent = line.substring(0, line.length() - first.length());
      boolean all = true;
      for (int i = 0; i < block.size() && all; i++) {
        String expected = block.get(i);
        all = expected.isEmpty() ? source.get(start + i).isBlank() : source.get(start + i).equals(indent + expected);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}
