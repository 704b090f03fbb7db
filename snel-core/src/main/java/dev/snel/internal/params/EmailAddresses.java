package dev.snel.internal.params;

import java.util.Map;

/**
 * The syntax check of pydantic's {@code EmailStr}, with the reasons the {@code email-validator}
 * package gives ("An email address must have an @-sign."). Checks the syntax only; no DNS.
 */
final class EmailAddresses {
  private EmailAddresses() {}

  private static final String LOCAL_SPECIALS = "!#$%&'*+-/=?^_`{|}~.";

  static void check(Object value) {
    if (!(value instanceof CharSequence text)) {
      return;
    }
    String reason = reason(text.toString());
    if (reason != null) {
      throw new ConversionException(
          "value_error", "value is not a valid email address: " + reason, Map.of("reason", reason));
    }
  }

  /** Why the address is invalid, or null if it is valid. */
  static String reason(String address) {
    int at = address.lastIndexOf('@');
    if (at < 0) {
      return "An email address must have an @-sign.";
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    if (local.isEmpty()) {
      return "There must be something before the @-sign.";
    }
    if (domain.isEmpty()) {
      return "There must be something after the @-sign.";
    }
    if (local.indexOf('@') >= 0) {
      return "The email address is not valid. It must have exactly one @-sign.";
    }
    StringBuilder bad = new StringBuilder();
    local.codePoints()
        .filter(c -> !(Character.isLetterOrDigit(c) || LOCAL_SPECIALS.indexOf(c) >= 0 || c > 127))
        .distinct()
        .forEach(c -> bad.append(bad.isEmpty() ? "" : ", ").append('\'').appendCodePoint(c).append('\''));
    if (!bad.isEmpty()) {
      return "The email address contains invalid characters before the @-sign: " + bad + ".";
    }
    if (local.startsWith(".")) {
      return "An email address cannot start with a period.";
    }
    if (local.endsWith(".")) {
      return "An email address cannot have a period immediately before the @-sign.";
    }
    if (local.contains("..") || domain.contains("..")) {
      return "An email address cannot have two periods in a row.";
    }
    StringBuilder badDomain = new StringBuilder();
    domain.codePoints()
        .filter(c -> !(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c > 127))
        .distinct()
        .forEach(c -> badDomain.append(badDomain.isEmpty() ? "" : ", ").append('\'').appendCodePoint(c).append('\''));
    if (!badDomain.isEmpty()) {
      return "The part after the @-sign contains invalid characters: " + badDomain + ".";
    }
    if (domain.startsWith(".")) {
      return "An email address cannot have a period immediately after the @-sign.";
    }
    if (domain.endsWith(".")) {
      return "An email address cannot end with a period.";
    }
    if (!domain.contains(".")) {
      return "The part after the @-sign is not valid. It should have a period.";
    }
    return null;
  }
}
