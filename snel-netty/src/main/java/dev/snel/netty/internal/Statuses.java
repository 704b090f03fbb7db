package dev.snel.netty.internal;

import dev.snel.internal.http.StatusReasons;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Status lines with the registered reason phrases, e.g. {@code 418 I'm a Teapot}, built once. Where
 * Netty's own constant has the same phrase it is the one used: Netty writes a constant's status
 * line as bytes encoded once, and any other's a character at a time (~1 % of a plain route's CPU).
 */
final class Statuses {
  private static final HttpResponseStatus[] BY_CODE = new HttpResponseStatus[600];

  static {
    for (int code = 100; code < BY_CODE.length; code++) {
      String phrase = StatusReasons.phrase(code);
      HttpResponseStatus netty = HttpResponseStatus.valueOf(code);
      BY_CODE[code] =
          phrase.equals("Unknown Status") || phrase.equals(netty.reasonPhrase())
              ? netty
              : new HttpResponseStatus(code, phrase);
    }
  }

  private Statuses() {}

  static HttpResponseStatus of(int code) {
    return code >= 100 && code < BY_CODE.length ? BY_CODE[code] : HttpResponseStatus.valueOf(code);
  }
}
