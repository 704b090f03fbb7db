package dev.snel.examples.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesInProcessTest extends StaticFilesBehaviour {
  private static final TestClient CLIENT = TestClient.of(Main.app());

  @Override
  TestClient client() {
    return CLIENT;
  }

  @Test
  void the_folder_is_found_on_the_class_path_whatever_the_working_directory() {
    Path folder = StaticSite.directory();
    assertThat(folder).isAbsolute();
    assertThat(folder.resolve("index.html")).isRegularFile();
    assertThat(folder.resolve("data.bin")).hasSize(256 * 1024);
  }

  @Test
  void from_a_jar_the_folder_is_copied_out_and_hostile_names_stay_in(@TempDir Path dir)
      throws Exception {
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name :
          new String[] {"static/index.html", "static/css/site.css", "static/../evil"}) {
        out.putNextEntry(new JarEntry(name));
        out.write(name.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("dev/snel/Other.class"));
      out.closeEntry();
    }
    Path folder = StaticSite.extract(jar.toUri().toURL());
    assertThat(Files.readString(folder.resolve("index.html"))).isEqualTo("static/index.html");
    assertThat(folder.resolve("css/site.css")).isRegularFile();
    assertThat(folder.getParent().resolve("evil")).doesNotExist();
    assertThat(folder.resolve("dev")).doesNotExist();
  }
}
