package dev.snel.netty.reliability;

import dev.snel.netty.Raw;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server under attack, as the scenarios see it. */
final class Target {
  private final ServerProcess server;
  private final List<String> measurements = new ArrayList<>();

  Target(ServerProcess server) {
    this.server = server;
  }

  int port() {
    return server.port();
  }

  ServerProcess process() {
    return server;
  }

  /** Numbers a scenario measured, for the doc's measurements list (they vary between runs). */
  void measured(String line) {
    measurements.add(line);
  }

  List<String> measurements() {
    return measurements;
  }

  Raw open() throws IOException {
    return Raw.open(server.port());
  }

  /** How often {@code /mark/<tag>} was executed, asked over a fresh connection. */
  long marks(String tag) throws IOException {
    try (Raw raw = open()) {
      Raw.Reply reply = raw.send(Raw.get("/_marks/" + tag)).read();
      Matcher m = Pattern.compile("\"count\":(\\d+)").matcher(reply.body());
      if (!m.find()) {
        throw new IOException("unexpected /_marks answer: " + reply.summary());
      }
      return Long.parseLong(m.group(1));
    }
  }

  /** Serves some ordinary requests, so that the attacks meet a server past its first requests. */
  void warmUp() {
    try (Raw raw = open()) {
      for (int i = 0; i < 200; i++) {
        raw.send(
            Raw.get("/fast")
                + Raw.post("/items", "application/json", "{\"name\":\"pen\",\"price\":1}")
                + Raw.post("/items", "application/json", "{}"));
        raw.read();
        raw.read();
        raw.read();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a fresh connection still gets {@code 200 fast} for {@code GET /fast}. */
  boolean serves() {
    try (Raw raw = open()) {
      Raw.Reply reply = raw.timeout(10_000).send(Raw.get("/fast")).read();
      return reply.status() == 200 && reply.body().equals("fast");
    } catch (IOException e) {
      return false;
    }
  }
}
