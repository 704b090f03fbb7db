package dev.snel.internal.http;

import java.io.ByteArrayOutputStream;

/**
 * Percent-decoding of paths and query components as Python's {@code urllib.parse.unquote} does it
 * for Starlette and uvicorn: each valid {@code %XX} escape is decoded, a malformed one ({@code
 * %zz}, a trailing {@code %}) is kept as sent, and bytes that are not UTF-8 become U+FFFD (Python's
 * {@code errors='replace'}).
 */
public final class UriDecoding {
  private UriDecoding() {}

  /** Decodes a path: {@code %XX} escapes only; a {@code +} stays a plus sign. */
  public static String decodePath(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    return decode(raw, false);
  }

  /** Decodes a query component: {@code %XX} escapes, and {@code +} as a space. */
  public static String decodeQueryComponent(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return raw;
    }
    return decode(raw, true);
  }

  private static String decode(String raw, boolean plusIsSpace) {
    StringBuilder out = new StringBuilder(raw.length());
    ByteArrayOutputStream escaped = new ByteArrayOutputStream();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      int high = c == '%' && i + 2 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
      int low = high >= 0 ? hex(raw.charAt(i + 2)) : -1;
      if (low >= 0) {
        escaped.write(high * 16 + low);
        i += 3;
        continue;
      }
      // the bytes of a run of escapes are one UTF-8 sequence; a literal character ends the run
      flush(escaped, out);
      out.append(plusIsSpace && c == '+' ? ' ' : c);
      i++;
    }
    flush(escaped, out);
    return out.toString();
  }

  /** Appends the escaped bytes as UTF-8, with U+FFFD for each malformed sequence. */
  private static void flush(ByteArrayOutputStream escaped, StringBuilder out) {
    if (escaped.size() > 0) {
      appendUtf8(escaped.toByteArray(), out);
      escaped.reset();
    }
  }

  /**
   * Decodes UTF-8 replacing each maximal ill-formed subpart with one U+FFFD, as Python does (Java's
   * decoder replaces {@code ED A0 80}, an encoded surrogate, with one U+FFFD where Python writes
   * three).
   */
  static void appendUtf8(byte[] bytes, StringBuilder out) {
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      int length =
          b < 0x80
              ? 1
              : b >= 0xC2 && b <= 0xDF
                  ? 2
                  : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
      if (length == 1) {
        out.append((char) b);
        i++;
        continue;
      }
      int codePoint = b & (0x7F >> length);
      int k = 1;
      while (length > 0
          && k < length
          && i + k < bytes.length
          && continues(b, k, bytes[i + k] & 0xFF)) {
        codePoint = codePoint << 6 | (bytes[i + k] & 0x3F);
        k++;
      }
      if (length > 0 && k == length) {
        out.appendCodePoint(codePoint);
      } else {
        out.append('\uFFFD');
      }
      i += k;
    }
  }

  /**
   * Whether {@code next} is a valid k-th byte of a sequence led by {@code lead} (Unicode table
   * 3-7).
   */
  private static boolean continues(int lead, int k, int next) {
    int min = 0x80;
    int max = 0xBF;
    if (k == 1) {
      min = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
      max = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    }
    return next >= min && next <= max;
  }

  private static int hex(char c) {
    return c < 128 ? Character.digit(c, 16) : -1;
  }
}
