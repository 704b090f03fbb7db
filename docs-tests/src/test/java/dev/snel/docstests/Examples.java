package dev.snel.docstests;

import dev.snel.Snel;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Every example app (and its variants with other settings), by name: the tests' parameters. */
final class Examples {
  private Examples() {}

  static Stream<Arguments> all() {
    return Stream.of(
        example("minimal", dev.snel.examples.minimal.Main::app),
        example("errors", dev.snel.examples.errors.Main::app),
        example("path-params", dev.snel.examples.pathparams.Main::app),
        example("query-params", dev.snel.examples.queryparams.Main::app),
        example("handling-errors", dev.snel.examples.handlingerrors.Main::app),
        example(
            "handling-errors (specific handlers)",
            dev.snel.examples.handlingerrors.Main::specificApp),
        example("users-models", dev.snel.examples.usersmodels.Main::app),
        example("body-models", dev.snel.examples.bodymodels.Main::app),
        example("interactive-docs", dev.snel.examples.interactivedocs.Main::app),
        example("interactive-docs (moved)", dev.snel.examples.interactivedocs.Main::movedApp),
        example("auth", dev.snel.examples.auth.Main::app),
        example("auth (first steps)", dev.snel.examples.auth.FirstStepsApp::app),
        example("auth (HTTP Basic)", dev.snel.examples.auth.HttpBasicApp::app),
        example("auth (forms)", dev.snel.examples.auth.FormsApp::app),
        example("auth-jwt", dev.snel.examples.authjwt.Main::app),
        example("streaming", dev.snel.examples.streaming.Main::app),
        // a SQLite file in the temp directory, not sql_app.db in the module's working directory
        example(
            "sql-users",
            () ->
                dev.snel.examples.sqlusers.Main.app(
                    "sqlite:"
                        + Path.of(System.getProperty("java.io.tmpdir"), "snel-docs-sql_app.db"))));
  }

  private static Arguments example(String name, Supplier<Snel> app) {
    return Arguments.of(name, app);
  }
}
