package dev.snel.crypto.internal;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id (RFC 9106, version 0x13) from Bouncy Castle. */
public final class Argon2id {
  private Argon2id() {}

  /**
   * {@code length} bytes derived from {@code password} and {@code salt}. A generator holds state,
   * so each call makes its own: this is safe from any number of threads at once.
   */
  public static byte[] derive(
      int memoryKiB, int iterations, int parallelism, byte[] password, byte[] salt, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKiB)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }
}
