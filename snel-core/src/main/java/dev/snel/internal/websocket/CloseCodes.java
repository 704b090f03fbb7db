package dev.snel.internal.websocket;

import java.nio.charset.StandardCharsets;

/** The close codes and reasons an endpoint may send (RFC 6455 §7.4, §5.5). */
public final class CloseCodes {
  private CloseCodes() {}

  /** 1000: a normal close. */
  public static final int NORMAL = 1000;

  /** 1001: the server is going away (shutting down) or the connection sat idle too long. */
  public static final int GOING_AWAY = 1001;

  /** 1003: a message of a type the handler does not take (binary where it reads text). */
  public static final int UNSUPPORTED_DATA = 1003;

  /** 1006: the connection dropped without a close frame; never sent. */
  public static final int ABNORMAL = 1006;

  /** 1007: a message whose content does not fit its type (invalid JSON for receiveJson). */
  public static final int INVALID_PAYLOAD = 1007;

  /** 1008: the client breaks the application's policy. */
  public static final int POLICY_VIOLATION = 1008;

  /** 1009: a message larger than the server takes. */
  public static final int MESSAGE_TOO_BIG = 1009;

  /** 1011: the server failed. */
  public static final int INTERNAL_ERROR = 1011;

  /** A close frame's payload is at most 125 bytes: the code's 2 and the reason's 123. */
  public static final int MAX_REASON_BYTES = 123;

  /** The code, if an endpoint may send it; else IllegalArgumentException. */
  public static int checkSendable(int code) {
    boolean defined = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014);
    if (!defined && !(code >= 3000 && code <= 4999)) {
      throw new IllegalArgumentException(
          "a WebSocket may not be closed with " + code + " (RFC 6455 §7.4)");
    }
    return code;
  }

  /** The reason, if it fits a close frame; else IllegalArgumentException. */
  public static String checkReason(String reason) {
    if (reason.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      throw new IllegalArgumentException("a close reason is at most 123 bytes of UTF-8");
    }
    return reason;
  }

  /** The reason cut to fit a close frame, for reasons Snel makes from other text. */
  public static String fit(String reason) {
    String cut = reason;
    while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut;
  }
}
