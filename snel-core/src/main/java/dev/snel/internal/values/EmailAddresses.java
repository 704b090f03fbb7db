package dev.snel.internal.values;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * pydantic's {@code EmailStr}: the syntax check of the {@code email-validator} package, with its
 * reasons ("An email address must have an @-sign."), and its normal form, which is what the handler
 * gets: the domain lower-cased, the local part kept (NFC-normalized). Checks the syntax only; no
 * DNS. Every check is a scan of the text, none a regular expression.
 */
final class EmailAddresses {
  private EmailAddresses() {}

  /** The check of {@code @Email}, which also normalizes. */
  static final Check CHECK =
      new Check() {
        @Override
        public void check(Object value) {
          apply(value);
        }

        @Override
        public Object apply(Object value) {
          return value instanceof CharSequence text ? normalize(text.toString()) : value;
        }
      };

  /** pydantic's own bound, checked before anything else. */
  private static final int MAX_INPUT_LENGTH = 2048;

  private static final int MAX_ADDRESS_LENGTH = 254;
  private static final int MAX_LOCAL_LENGTH = 64;
  private static final int MAX_DOMAIN_LENGTH = 253;
  private static final int MAX_LABEL_LENGTH = 63;
  private static final String LOCAL_SPECIALS = "!#$%&'*+-/=?^_`{|}~.";

  /** The IANA special-use names email-validator refuses, with their subdomains. */
  private static final List<String> SPECIAL_USE =
      List.of("arpa", "invalid", "local", "localhost", "onion", "test");

  /** The address in its normal form; throws pydantic's value_error if it is not valid. */
  static String normalize(String value) {
    if (value.length() > MAX_INPUT_LENGTH) {
      throw invalid("Length must not exceed " + MAX_INPUT_LENGTH + " characters");
    }
    String address = value.strip();
    String reason = reason(address);
    if (reason != null) {
      throw invalid(reason);
    }
    String normalized;
    if (isLowerCaseAscii(address)) {
      normalized = address; // already in its normal form: NFC and lower case change nothing
    } else {
      int at = address.lastIndexOf('@');
      String local = Normalizer.normalize(address.substring(0, at), Normalizer.Form.NFC);
      String domain =
          Normalizer.normalize(
              address.substring(at + 1).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
      normalized = local + "@" + domain;
    }
    if (normalized.length() > MAX_ADDRESS_LENGTH) {
      throw invalid(
          "The email address is too long "
              + tooMany(normalized.length(), MAX_ADDRESS_LENGTH)
              + ".");
    }
    return normalized;
  }

  /** Whether the text has only ASCII characters and no upper-case letter. */
  private static boolean isLowerCaseAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 127 || (c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  private static ConversionException invalid(String reason) {
    return new ConversionException(
        "value_error", "value is not a valid email address: " + reason, Map.of("reason", reason));
  }

  /** Why the address is invalid, or null if it is valid. */
  static @Nullable String reason(String address) {
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
    String localReason = localReason(local);
    return localReason != null ? localReason : domainReason(domain);
  }

  private static @Nullable String localReason(String local) {
    if (local.length() > MAX_LOCAL_LENGTH) {
      return "The email address is too long before the @-sign "
          + tooMany(local.length(), MAX_LOCAL_LENGTH)
          + ".";
    }
    String bad =
        invalidCharacters(
            local, c -> Character.isLetterOrDigit(c) || LOCAL_SPECIALS.indexOf(c) >= 0 || c > 127);
    if (bad != null) {
      return "The email address contains invalid characters before the @-sign: " + bad + ".";
    }
    if (local.endsWith(".")) {
      return "An email address cannot have a period immediately before the @-sign.";
    }
    if (local.startsWith(".")) {
      return "An email address cannot start with a period.";
    }
    if (local.contains("..")) {
      return "An email address cannot have two periods in a row.";
    }
    return null;
  }

  private static @Nullable String domainReason(String domain) {
    String bad =
        invalidCharacters(
            domain, c -> Character.isLetterOrDigit(c) || c == '-' || c == '.' || c > 127);
    if (bad != null) {
      return "The part after the @-sign contains invalid characters: " + bad + ".";
    }
    if (domain.endsWith(".")) {
      return "An email address cannot end with a period.";
    }
    if (domain.startsWith(".")) {
      return "An email address cannot have a period immediately after the @-sign.";
    }
    if (domain.contains("..")) {
      return "An email address cannot have two periods in a row.";
    }
    if (domain.endsWith("-")) {
      return "An email address cannot end with a hyphen.";
    }
    if (domain.startsWith("-")) {
      return "An email address cannot have a hyphen immediately after the @-sign.";
    }
    if (domain.contains(".-") || domain.contains("-.")) {
      return "An email address cannot have a period and a hyphen next to each other.";
    }
    for (int start = 0, end; start <= domain.length(); start = end + 1) {
      end = labelEnd(domain, start);
      if (end - start >= 4
          && domain.charAt(start + 2) == '-'
          && domain.charAt(start + 3) == '-'
          && !domain.regionMatches(true, start, "xn", 0, 2)) {
        return "An email address cannot have two letters followed by two dashes immediately after the"
            + " @-sign or after a period, except Punycode.";
      }
    }
    if (domain.length() > MAX_DOMAIN_LENGTH) {
      return "The email address is too long after the @-sign "
          + tooMany(domain.length(), MAX_DOMAIN_LENGTH)
          + ".";
    }
    for (int start = 0, end; start <= domain.length(); start = end + 1) {
      end = labelEnd(domain, start);
      int length = end - start;
      if (length > MAX_LABEL_LENGTH) {
        return "After the @-sign, periods cannot be separated by so many characters "
            + tooMany(length, MAX_LABEL_LENGTH)
            + ".";
      }
    }
    if (!domain.contains(".")) {
      return "The part after the @-sign is not valid. It should have a period.";
    }
    char last = domain.charAt(domain.length() - 1);
    if (!((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z'))) {
      return "The part after the @-sign is not valid. It is not within a valid top-level domain.";
    }
    String lower = domain.toLowerCase(Locale.ROOT);
    for (String special : SPECIAL_USE) {
      int at = lower.length() - special.length();
      if (lower.endsWith(special) && (at == 0 || lower.charAt(at - 1) == '.')) {
        return "The part after the @-sign is a special-use or reserved name that cannot be used with email.";
      }
    }
    return null;
  }

  /** Where the domain's label starting at {@code start} ends: its next period, or its end. */
  private static int labelEnd(String domain, int start) {
    int period = domain.indexOf('.', start);
    return period < 0 ? domain.length() : period;
  }

  /** email-validator's "(1 character too many)". */
  private static String tooMany(int length, int limit) {
    int over = length - limit;
    return "(" + over + " character" + (over > 1 ? "s" : "") + " too many)";
  }

  /**
   * The characters of the part that are not allowed, quoted and listed once each in the order found
   * ({@code ' ', '!'}); null when all are allowed, found without allocating.
   */
  private static @Nullable String invalidCharacters(
      String part, java.util.function.IntPredicate allowed) {
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
        .forEach(
            c ->
                bad.append(bad.isEmpty() ? "" : ", ").append('\'').appendCodePoint(c).append('\''));
    return bad.toString();
  }
}
