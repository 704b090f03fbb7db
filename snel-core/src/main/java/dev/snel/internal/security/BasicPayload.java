package dev.snel.internal.security;

import dev.snel.security.HttpBasicCredentials;
import java.io.ByteArrayOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * An {@code Authorization: Basic} payload decoded as FastAPI decodes it: Python's non-validating
 * {@code base64.b64decode} (characters outside the alphabet are skipped, the padding must still add
 * up), the bytes read as ASCII, then split at the first colon.
 */
final class BasicPayload {
  private BasicPayload() {}

  /** The credentials; null if the payload is not base64 of ASCII text with a colon. */
  static @Nullable HttpBasicCredentials decode(String payload) {
    byte[] bytes = base64(payload);
    if (bytes == null) {
      return null;
    }
    StringBuilder text = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      if (b < 0) {
        return null; // not ASCII
      }
      text.append((char) b);
    }
    int colon = text.indexOf(":");
    if (colon < 0) {
      return null;
    }
    return new HttpBasicCredentials(text.substring(0, colon), text.substring(colon + 1));
  }

  /**
   * CPython's {@code binascii.a2b_base64} in non-strict mode; null where it raises (a non-ASCII
   * character, a dangling character, missing padding).
   */
  static byte @Nullable [] base64(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4);
    int quadPos = 0;
    int leftChar = 0;
    int pads = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0x7f) {
        return null; // Python encodes the str as ASCII first
      }
      if (c == '=') {
        if (quadPos >= 2 && quadPos + ++pads >= 4) {
          return out.toByteArray(); // enough padding: the rest is ignored
        }
        continue;
      }
      int value = sextet(c);
      if (value < 0) {
        continue;
      }
      pads = 0;
      switch (quadPos) {
        case 0 -> {
          leftChar = value;
          quadPos = 1;
        }
        case 1 -> {
          out.write((leftChar << 2) | (value >> 4));
          leftChar = value & 0x0f;
          quadPos = 2;
        }
        case 2 -> {
          out.write((leftChar << 4) | (value >> 2));
          leftChar = value & 0x03;
          quadPos = 3;
        }
        default -> {
          out.write((leftChar << 6) | value);
          leftChar = 0;
          quadPos = 0;
        }
      }
    }
    return quadPos == 0 ? out.toByteArray() : null;
  }

  private static int sextet(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '+') {
      return 62;
    }
    return c == '/' ? 63 : -1;
  }
}
