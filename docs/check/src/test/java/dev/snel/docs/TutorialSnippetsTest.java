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
 * Tutorial pages (and the reference pages that show code) show the code of example apps (and of
 * their tests, for the testing and dependencies pages) as it is, so a page cannot drift from code
 * that the examples' tests exercise. Runs from the docs/check module; reads ../tutorial and
 * ../../examples.
 */
class TutorialSnippetsTest {
  private static final Path DOCS = Path.of("").toAbsolutePath().getParent();
  private static final Path EXAMPLES = DOCS.resolveSibling("examples");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "first-steps.md, minimal, main",
    "path-params.md, path-params, main",
    "query-params.md, query-params, main",
    "handling-errors.md, handling-errors, main",
    "body-and-models.md, body-models, main",
    "interactive-docs.md, interactive-docs, main",
    "testing.md, minimal, test",
    "dependencies.md, dependencies, main test",
    "security-first-steps.md, auth, main",
    "security-current-user.md, auth, main",
    "security-oauth2-jwt.md, auth-jwt, main",
    "security-scopes.md, auth-jwt, main",
    "security-http-basic.md, auth, main",
    "forms.md, auth, main",
    "request-files.md, streaming, main test",
    "scheduled-jobs.md, scheduler, main test",
    "background-tasks.md, background, main test",
    "lifespan.md, background, main test",
    "middleware.md, middleware, main",
    "custom-responses.md, streaming, main test",
    "sql-jpa.md, sql-users-jpa, main test",
    "sql-databases.md, sql-users, main test",
    "server-sent-events.md, streaming, main test",
    "ai-streaming.md, streaming, main test",
    "files.md, streaming, main",
    "static-files.md, streaming, main",
    "websockets.md, streaming, main test",
    "../concurrency.md, concurrency, main"
  })
  void every_java_block_of_the_page_is_code_of_an_example_app(
      String pageName, String example, String sourceSets) throws IOException {
    // a reference page outside tutorial/ is named from there: ../concurrency.md
    String page = Files.readString(DOCS.resolve("tutorial").resolve(pageName).normalize());
    // app code, tests (the testing page), or both (overrides are shown in a test)
    List<List<String>> sources = new ArrayList<>();
    for (String sourceSet : sourceSets.split(" ")) {
      sources.addAll(exampleSources(sourceSet));
    }
    List<List<String>> blocks = javaBlocks(page);
    assertThat(blocks).isNotEmpty();
    for (List<String> block : blocks) {
      assertThat(sources.stream().anyMatch(source -> contains(source, block)))
          .as(
              "this block of %s is in no example's sources:%n%s",
              pageName, String.join("\n", block))
          .isTrue();
    }
    assertThat(page).contains("examples/run " + example);
  }

  private static List<List<String>> exampleSources(String sourceSet) throws IOException {
    List<List<String>> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      for (Path file :
          files
              .filter(f -> f.toString().matches(".*/src/" + sourceSet + "/java/.*\\.java"))
              .toList()) {
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

  /**
   * Whether the source holds the block's code: the same tokens in the same order, wherever the
   * formatter broke the lines (a page may wrap code narrower than the sources, or keep a call on
   * one line that the formatter split).
   */
  private static boolean contains(List<String> source, List<String> block) {
    return squeeze(String.join("\n", source)).contains(squeeze(String.join("\n", block)));
  }

  /** The text with every run of whitespace made one space, and none next to brackets and dots. */
  private static String squeeze(String code) {
    return code.strip().replaceAll("\\s+", " ").replaceAll(" ?([()\\[\\]{}.,;]) ?", "$1");
  }
}
