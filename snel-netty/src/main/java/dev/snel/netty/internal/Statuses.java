package dev.snel.netty.internal;

import dev.snel.internal.http.StatusReasons;
import io.netty.handler.codec.http.HttpResponseStatus;

/** Status lines with the registered reason phrases, e.g. {@code 418 I'm a Teapot}, built once. */
final class Statuses {
  private static final HttpResponseStatus[] BY_CODE = new HttpResponseStatus[600];

  static {
    for (int code = 100; code < BY_CODE.length; code++) {
      String phrase = StatusReasons.phrase(code);
      BY_CODE[code] =
          phrase.equals("Unknown Status")
              ? HttpResponseStatus.valueOf(code)
              : new HttpResponseStatus(code, phrase);
    }
  }

  private Statuses() {}

  static HttpResponseStatus of(int code) {
    return code >= 100 && code < BY_CODE.length ? BY_CODE[code] : HttpResponseStatus.valueOf(code);
  }
}
