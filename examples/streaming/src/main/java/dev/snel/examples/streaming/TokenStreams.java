package dev.snel.examples.streaming;

import dev.snel.Default;
import dev.snel.EventStream;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.JsonLines;
import dev.snel.Query;
import dev.snel.ServerSentEvent;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A model's tokens streamed to the browser as Server-Sent Events, and numbered lines as JSON Lines
 * (docs/tutorial/server-sent-events.md, docs/tutorial/ai-streaming.md).
 */
public final class TokenStreams {
  /** One token of the model's answer: the data of one event. */
  public record Token(String token) {}

  /** One line of the JSON Lines stream. */
  public record Line(int n) {}

  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  private final FakeModel model;

  /** The routes over a model of their own. */
  public TokenStreams() {
    this(new FakeModel());
  }

  /** The routes over this model. */
  public TokenStreams(FakeModel model) {
    this.model = model;
  }

  /**
   * One event per word of {@code text}, {@code delay_ms} apart, then an event named {@code done}.
   * The model runs on the response's own thread: each token goes out as soon as it exists, a slow
   * client slows the model down, and a client that leaves interrupts it.
   */
  @Get("/stream/words")
  public EventStream<Token> words(
      String text, @Query("delay_ms") @Default("100") @Min(0) long delayMs) {
    return EventStream.generate(
        sink -> {
          model.generate(text, Duration.ofMillis(delayMs), word -> sink.send(new Token(word)));
          sink.sendEvent(ServerSentEvent.of(Map.of()).event("done"));
        });
  }

  /**
   * A countdown from {@code from} to 0, one event a second, each with its number as id. A browser
   * that lost the connection reconnects after the {@code retry} time and sends the last id it saw
   * as {@code Last-Event-ID}: the countdown resumes after it instead of starting over.
   */
  @Get("/stream/countdown")
  public EventStream<Integer> countdown(
      @Default("3") @Min(0) int from, @Header Optional<Integer> lastEventId) {
    int start = lastEventId.map(id -> id - 1).orElse(from);
    return EventStream.generate(
        sink -> {
          for (int i = start; i >= 0; i--) {
            sink.sendEvent(ServerSentEvent.of(i).id(Integer.toString(i)).retry(ONE_SECOND));
            if (i > 0) {
              Thread.sleep(ONE_SECOND);
            }
          }
          sink.sendEvent(ServerSentEvent.raw("[DONE]").event("done"));
        });
  }

  /** {@code count} lines {@code {"n":i}}, for i from 0 to count - 1. */
  @Get("/stream/lines")
  public JsonLines<Line> lines(@Min(0) int count) {
    return JsonLines.of(IntStream.range(0, count).mapToObj(Line::new));
  }
}
