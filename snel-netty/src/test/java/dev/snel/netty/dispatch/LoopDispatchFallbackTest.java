package dev.snel.netty.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The default dispatch in fresh JVMs: with the JDK hook, handlers on the loop and the JDK's socket
 * pollers still working after the server (and its loop) stopped; without it, one log line and the
 * JDK's default scheduler, never a failure.
 */
class LoopDispatchFallbackTest {
  private static String run(boolean opens) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.add("--enable-native-access=ALL-UNNAMED");
    if (opens) {
      command.add("--add-opens");
      command.add("java.base/java.lang=ALL-UNNAMED");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DispatchProbe.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void with_the_jdk_hook_handlers_run_on_the_loop_and_sockets_work_after_it_stopped()
      throws Exception {
    String output = run(true);
    assertThat(output)
        .contains("answer: HTTP/1.1 200 OK \"7 VirtualThread[")
        .contains("@multiThreadIoEventLoopGroup")
        .contains("after stop: 7")
        .doesNotContain("--add-opens");
  }

  @Test
  void without_it_one_line_says_so_and_handlers_run_on_the_default_scheduler() throws Exception {
    String output = run(false);
    assertThat(output)
        .contains("answer: HTTP/1.1 200 OK \"7 VirtualThread[")
        .contains("@ForkJoinPool")
        .contains("after stop: 7");
    assertThat(output.lines().filter(line -> line.contains("--add-opens java.base/java.lang")))
        .hasSize(1);
  }
}
