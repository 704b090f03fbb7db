package dev.snel.examples.background;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.examples.background.Notifications.Database;
import dev.snel.examples.background.Notifications.Mailer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FastAPI's background tasks tutorial, and Snel's retries and sessions kept open for the tasks. */
class NotificationsTest {
  @TempDir Path dir;

  @Test
  void the_handler_and_its_dependency_each_add_a_task_the_dependencys_first() throws Exception {
    Path log = dir.resolve("log.txt");
    TestClient client = TestClient.of(Notifications.app(log, new Mailer(0), new Database()));

    TestResponse response =
        client.request("POST", "/send-notification/ada@example.com?q=rust").send();

    assertThat(response.text()).isEqualTo("{\"message\":\"Message sent\"}");
    assertThat(Files.readString(log)).isEqualTo("found query: rust\nmessage to ada@example.com\n");
  }

  @Test
  void without_a_query_only_the_handlers_task_runs() throws Exception {
    Path log = dir.resolve("log.txt");
    TestClient client = TestClient.of(Notifications.app(log, new Mailer(0), new Database()));

    client.request("POST", "/send-notification/ada@example.com").send();

    assertThat(Files.readString(log)).isEqualTo("message to ada@example.com\n");
  }

  @Test
  void a_mail_that_fails_twice_is_sent_at_the_third_attempt() {
    Mailer mailer = new Mailer(2);
    TestClient client =
        TestClient.of(Notifications.app(dir.resolve("log.txt"), mailer, new Database()));

    TestResponse response = client.request("POST", "/welcome/ada@example.com").send();

    assertThat(response.text()).isEqualTo("{\"message\":\"Welcome mail queued\"}");
    assertThat(mailer.sent()).containsExactly("ada@example.com: Welcome!");
  }

  @Test
  void a_mail_that_fails_three_times_is_given_up_and_the_answer_is_unchanged() {
    Mailer mailer = new Mailer(3);
    TestClient client =
        TestClient.of(Notifications.app(dir.resolve("log.txt"), mailer, new Database()));

    TestResponse response = client.request("POST", "/welcome/ada@example.com").send();

    assertThat(response.status()).isEqualTo(200);
    assertThat(mailer.sent()).isEmpty();
  }

  @Test
  void the_task_uses_the_requests_session_which_commits_and_closes_after_it() {
    Database database = new Database();
    TestClient client =
        TestClient.of(Notifications.app(dir.resolve("log.txt"), new Mailer(0), database));

    TestResponse response = client.request("POST", "/reports/sales").send();

    assertThat(response.text()).isEqualTo("{\"message\":\"Report queued\"}");
    assertThat(database.events()).containsExactly("query sales", "commit", "session closed");
  }
}
