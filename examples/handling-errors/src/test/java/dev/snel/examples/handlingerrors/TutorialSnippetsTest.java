package dev.snel.examples.handlingerrors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The tutorial page shows this example's code as it is, so the page cannot drift from it. */
class TutorialSnippetsTest {
  private static final String PAGE = "handling-errors.md";
  private static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent();

  @Test
  void every_java_block_of_the_page_is_code_of_an_example_app() throws IOException {
    String page = Files.readString(EXAMPLES.resolveSibling("docs/tutorial").resolve(PAGE));
    List<List<String>> sources = exampleSources();
    List<List<String>> blocks = javaBlocks(page);
    assertThat(blocks).isNotEmpty();
    for (List<String> block : blocks) {
      assertThat(sources.stream().anyMatch(source -> contains(source, block)))
          .as("this block of %s is in no example's sources:%n%s", PAGE, String.join("\n", block))
          .isTrue();
    }
    assertThat(page).contains("examples/run " + EXAMPLES.relativize(Path.of("").toAbsolutePath()));
  }

  private static List<List<String>> exampleSources() throws IOException {
    List<List<String>> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      for (Path file : files.filter(f -> f.toString().matches(".*/src/main/java/.*\\.java")).toList()) {
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
