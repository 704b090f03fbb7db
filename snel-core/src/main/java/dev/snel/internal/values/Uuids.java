package dev.snel.internal.values;

import java.util.Map;
import java.util.UUID;

/**
 * UUIDs in the forms pydantic accepts (hyphenated, 32 hex digits, {@code urn:uuid:}, braced), with
 * the error texts of the Rust {@code uuid} crate pydantic reports.
 */
final class Uuids {
  private Uuids() {}

  private static final int[] GROUP_LENGTHS = {8, 4, 4, 4, 12};

  static UUID parse(String raw) {
    String text = raw;
    if (text.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
      text = text.substring(9);
    } else if (text.length() >= 2 && text.startsWith("{") && text.endsWith("}")) {
      text = text.substring(1, text.length() - 1);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.digit(c, 16) < 0 && c != '-') {
        throw failure(
            "invalid character: expected an optional prefix of `urn:uuid:` followed by"
                + " [0-9a-fA-F-], found `"
                + c
                + "` at "
                + (i + 1));
      }
    }
    String hex;
    if (text.indexOf('-') < 0) {
      if (text.length() != 32) {
        throw failure(
            "invalid length: expected length 32 for simple format, found " + text.length());
      }
      hex = text;
    } else {
      String[] groups = text.split("-", -1);
      if (groups.length != 5) {
        throw failure("invalid group count: expected 5, found " + groups.length);
      }
      for (int g = 0; g < 5; g++) {
        if (groups[g].length() != GROUP_LENGTHS[g]) {
          throw failure(
              "invalid group length in group "
                  + g
                  + ": expected "
                  + GROUP_LENGTHS[g]
                  + ", found "
                  + groups[g].length());
        }
      }
      hex = String.join("", groups);
    }
    return new UUID(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }

  private static ConversionException failure(String error) {
    return new ConversionException(
        "uuid_parsing", "Input should be a valid UUID, " + error, Map.of("error", error));
  }
}
