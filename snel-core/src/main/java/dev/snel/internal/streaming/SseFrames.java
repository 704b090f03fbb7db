package dev.snel.internal.streaming;

import dev.snel.ServerSentEvent;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The {@code text/event-stream} wire format (the HTML standard's "parsing an event stream"): fields
 * in FastAPI's order (comment, event, data, id, retry), each event ended by a blank line, and text
 * with line breaks split into one line per line, since a line break ends a field.
 */
final class SseFrames {
  /** FastAPI's keep-alive: a comment, which {@code EventSource} ignores. */
  static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);

  private SseFrames() {}

  /** An event with only data, already JSON (one line). */
  static byte[] data(byte[] json) {
    byte[] frame = new byte[DATA.length + json.length + 2];
    System.arraycopy(DATA, 0, frame, 0, DATA.length);
    System.arraycopy(json, 0, frame, DATA.length, json.length);
    frame[frame.length - 2] = '\n';
    frame[frame.length - 1] = '\n';
    return frame;
  }

  /** The event with the data it sends, if any: its JSON, or its raw data. */
  static byte[] event(ServerSentEvent event, @Nullable String data) {
    StringBuilder frame = new StringBuilder(64 + (data == null ? 0 : data.length()));
    event.comment().ifPresent(comment -> lines(frame, ": ", comment));
    event.event().ifPresent(name -> frame.append("event: ").append(name).append('\n'));
    if (data != null) {
      lines(frame, "data: ", data);
    }
    event.id().ifPresent(id -> frame.append("id: ").append(id).append('\n'));
    event.retry().ifPresent(retry -> frame.append("retry: ").append(retry.toMillis()).append('\n'));
    frame.append('\n');
    return frame.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One field line per line of the text; CRLF, CR and LF all end a line, as in the standard. */
  private static void lines(StringBuilder frame, String prefix, String text) {
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        frame.append(prefix).append(text, start, i).append('\n');
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    frame.append(prefix).append(text, start, text.length()).append('\n');
  }
}
