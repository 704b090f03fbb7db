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
    String bad = invalidCharacters(local, c -> Character.isLetterOrDigit(c) || LOCAL_SPECIALS.indexOf(c) >= 0 || c > 127);
    if (bad != null) {
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
    String badDomain = invalidCharacters(domain, c -> Character.isLetterOrDigit(c) || c == '-' || c == '.' || c > 127);
    if (badDomain != null) {
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

  /**
   * The characters of the part that are not allowed, quoted and listed once each in the order
   * found ({@code ' ', '!'}); null when all are allowed, found without allocating.
   */
  private static String invalidCharacters(String part, java.util.function.IntPredicate allowed) {
    int i = 0;
    while (i < part.length() && allowed.test(part.codePointAt(i))) {
      i += Character.charCount(part.codePointAt(i));
    }
    if (i == part.length()) {
      return null;
    }
    StringBuilder bad = new StringBuilder();
    part.codePoints()
        .filter(c -> !allowed.test(c))
        .distinct()
        .forEach(c -> bad.append(bad.isEmpty() ? "" : ", ").append('\'').appendCodePoint(c).append('\''));
    return bad.toString();
  }
}
