package dev.snel.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of paths and query components, UTF-8, lenient with malformed escapes. */
public final class UriDecoding {
  private UriDecoding() {}

  /** Decodes a path: {@code %XX} escapes only; a {@code +} stays a plus sign. */
  public static String decodePath(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    return decode(raw.replace("+", "%2B"));
  }

  /** Decodes a query component: {@code %XX} escapes, and {@code +} as a space. */
  public static String decodeQueryComponent(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return raw;
    }
    return decode(raw);
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      // A stray '%' is kept as sent, as Starlette does, rather than failing the request.
      return raw;
    }
  }
}
