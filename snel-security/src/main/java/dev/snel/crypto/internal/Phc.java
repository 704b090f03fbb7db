package dev.snel.crypto.internal;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * An Argon2id hash in the PHC string format: {@code $argon2id$v=19$m=M,t=T,p=P$salt$hash}, salt and
 * hash in base64 without padding. This is what argon2-cffi (and so FastAPI's pwdlib) writes, so
 * their hashes verify here with the parameters they name.
 *
 * @param memoryKiB {@code m}: memory in KiB
 * @param iterations {@code t}: passes over the memory
 * @param parallelism {@code p}: lanes
 * @param salt the salt
 * @param hash the derived bytes
 */
@SuppressWarnings("ArrayRecordComponent") // never compared; salt and hash are read once
public record Phc(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
  private static final String PREFIX = "$argon2id$v=19$";
  private static final String FORMAT =
      "an Argon2id hash in the PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash)";

  /** Checks the parameters as Argon2 (RFC 9106) requires them. */
  public Phc {
    checkParameters(memoryKiB, iterations, parallelism);
    if (salt.length < 8) {
      throw new IllegalArgumentException("An Argon2 salt must have at least 8 bytes");
    }
    if (hash.length < 4) {
      throw new IllegalArgumentException("An Argon2 hash must have at least 4 bytes");
    }
  }

  /** Whether Argon2 accepts these parameters; throws if not. */
  public static void checkParameters(int memoryKiB, int iterations, int parallelism) {
    if (parallelism < 1 || parallelism > 0xFFFFFF) {
      throw new IllegalArgumentException("Argon2 parallelism must be 1 to 2^24-1: " + parallelism);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("Argon2 needs at least one iteration: " + iterations);
    }
    if (memoryKiB < 8 * parallelism) {
      throw new IllegalArgumentException(
          "Argon2 memory must be at least 8 KiB per lane: m=" + memoryKiB + ", p=" + parallelism);
    }
  }

  /** Reads {@code text}, or throws an {@link IllegalArgumentException} that shows the format. */
  public static Phc parse(String text) {
    if (!text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("Not " + FORMAT);
    }
    String[] parts = text.substring(PREFIX.length()).split("\\$", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("Not " + FORMAT);
    }
    Map<String, Integer> parameters = new HashMap<>();
    try {
      for (String parameter : parts[0].split(",", -1)) {
        int eq = parameter.indexOf('=');
        if (eq < 0 || parameters.put(parameter.substring(0, eq), parse(parameter, eq)) != null) {
          throw new IllegalArgumentException("Not " + FORMAT);
        }
      }
      if (parameters.size() != 3
          || !parameters.containsKey("m")
          || !parameters.containsKey("t")
          || !parameters.containsKey("p")) {
        throw new IllegalArgumentException("Not " + FORMAT + ": it needs exactly m, t and p");
      }
      return new Phc(
          parameters.get("m"),
          parameters.get("t"),
          parameters.get("p"),
          Base64.getDecoder().decode(parts[1]),
          Base64.getDecoder().decode(parts[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not " + FORMAT + ": " + e.getMessage(), e);
    }
  }

  private static int parse(String parameter, int eq) {
    String digits = parameter.substring(eq + 1);
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new NumberFormatException("not a number: " + parameter);
    }
    return Integer.parseInt(digits);
  }

  /** The PHC string. */
  public String format() {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX
        + "m="
        + memoryKiB
        + ",t="
        + iterations
        + ",p="
        + parallelism
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }
}
