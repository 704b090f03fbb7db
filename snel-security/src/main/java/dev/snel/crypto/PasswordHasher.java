package dev.snel.crypto;

import dev.snel.crypto.internal.Argon2id;
import dev.snel.crypto.internal.Phc;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Hashes and verifies passwords with Argon2id, in the PHC string format that argon2-cffi (and so
 * FastAPI's {@code pwdlib}) writes: {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}.
 *
 * <pre>{@code
 * PasswordHasher hasher = PasswordHasher.argon2id();
 * String stored = hasher.hash(password);              // at sign-up
 * boolean ok = hasher.verify(password, user.map(User::passwordHash));  // at login
 * }</pre>
 *
 * <p>Verification compares in constant time, and a user who does not exist costs as much as a wrong
 * password: {@link #verifyUnknownUser} (or {@link #verify(char[], Optional)} with an empty hash)
 * runs a full Argon2id over a dummy hash, so response times do not tell which user names exist.
 *
 * <p>Each call allocates the configured memory (19 MiB by default) for as long as it runs. Called
 * on a virtual thread (a handler), the work runs on the common ForkJoinPool while the caller waits:
 * it never holds a server's event loop, and at most the pool's parallelism (one less than the
 * processors) run at once; elsewhere it runs on the caller's thread: bound how many logins run at
 * once there if many may arrive together. A {@code PasswordHasher} is immutable and safe to share
 * between threads.
 */
public final class PasswordHasher {
  /** OWASP's recommended minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
  private static final int DEFAULT_MEMORY_KIB = 19 * 1024;

  private static final int DEFAULT_ITERATIONS = 2;
  private static final int DEFAULT_PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Derives Argon2id bytes; tests count the calls. */
  interface Deriver {
    byte[] derive(
        int memoryKiB, int iterations, int parallelism, byte[] password, byte[] salt, int length);
  }

  private final int memoryKiB;
  private final int iterations;
  private final int parallelism;
  private final Deriver deriver;

  /**
   * A hash shaped like this hasher's own, with random bytes in place of the hash: verifying any
   * password against it costs a real verification and fails.
   */
  private final String dummyHash;

  PasswordHasher(int memoryKiB, int iterations, int parallelism, Deriver deriver) {
    Phc.checkParameters(memoryKiB, iterations, parallelism);
    this.memoryKiB = memoryKiB;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.deriver = deriver;
    this.dummyHash =
        new Phc(memoryKiB, iterations, parallelism, random(SALT_BYTES), random(HASH_BYTES))
            .format();
  }

  /** Argon2id with OWASP's recommended parameters: m=19456 (19 MiB), t=2, p=1. */
  public static PasswordHasher argon2id() {
    return argon2id(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
  }

  /**
   * Argon2id with these parameters. OWASP lists equally strong pairs (m=47104 and t=1, m=12288 and
   * t=3...); raise them as far as the login latency you accept allows.
   *
   * @param memoryKiB {@code m}, memory in KiB, at least 8 per lane
   * @param iterations {@code t}, at least 1
   * @param parallelism {@code p}, lanes, at least 1
   * @throws IllegalArgumentException if Argon2 does not accept the parameters
   */
  public static PasswordHasher argon2id(int memoryKiB, int iterations, int parallelism) {
    return new PasswordHasher(memoryKiB, iterations, parallelism, Argon2id::derive);
  }

  /** {@code m}, the memory of each hash in KiB. */
  public int memoryKiB() {
    return memoryKiB;
  }

  /** {@code t}, the passes over the memory. */
  public int iterations() {
    return iterations;
  }

  /** {@code p}, the lanes. */
  public int parallelism() {
    return parallelism;
  }

  /**
   * A new hash of {@code password} with a random salt, as a PHC string to store. The caller may
   * clear {@code password} afterwards; this method keeps no copy of it.
   */
  public String hash(char[] password) {
    byte[] salt = random(SALT_BYTES);
    byte[] bytes = utf8(password);
    try {
      byte[] hash = derive(memoryKiB, iterations, parallelism, bytes, salt, HASH_BYTES);
      return new Phc(memoryKiB, iterations, parallelism, salt, hash).format();
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Whether {@code password} is the one {@code storedHash} was made from, with the parameters the
   * hash names (which may be older than this hasher's: see {@link #needsRehash}). The comparison
   * takes the same time wherever the bytes differ.
   *
   * @throws IllegalArgumentException if {@code storedHash} is not an Argon2id PHC string
   */
  public boolean verify(char[] password, String storedHash) {
    Phc stored = Phc.parse(storedHash);
    byte[] bytes = utf8(password);
    try {
      byte[] actual =
          derive(
              stored.memoryKiB(),
              stored.iterations(),
              stored.parallelism(),
              bytes,
              stored.salt(),
              stored.hash().length);
      return MessageDigest.isEqual(stored.hash(), actual);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * {@link #verify(char[], String)} when the user was found, {@link #verifyUnknownUser} when not:
   * write the login as one call on the result of looking the user up.
   */
  public boolean verify(char[] password, Optional<String> storedHash) {
    return storedHash.isPresent()
        ? verify(password, storedHash.get())
        : verifyUnknownUser(password);
  }

  /**
   * Always {@code false}, after the same work as verifying a wrong password: call it when no user
   * has the name given, so that a missing user and a wrong password take the same time.
   */
  public boolean verifyUnknownUser(char[] password) {
    // The answer is dropped: no password matches random bytes, and the work is what counts.
    verify(password, dummyHash);
    return false;
  }

  /**
   * Whether {@code storedHash} was made with other parameters than this hasher's (or a shorter salt
   * or hash): after a successful login, hash the password again and store the new hash.
   *
   * @throws IllegalArgumentException if {@code storedHash} is not an Argon2id PHC string
   */
  public boolean needsRehash(String storedHash) {
    Phc stored = Phc.parse(storedHash);
    return stored.memoryKiB() != memoryKiB
        || stored.iterations() != iterations
        || stored.parallelism() != parallelism
        || stored.salt().length < SALT_BYTES
        || stored.hash().length != HASH_BYTES;
  }

  /**
   * Derives on the caller's thread, or, from a virtual thread, on the common ForkJoinPool while the
   * caller waits parked: tens of milliseconds of computing would otherwise hold its carrier, which
   * for a handler on a server's event loop is every connection of that loop.
   */
  private byte[] derive(
      int memoryKiB, int iterations, int parallelism, byte[] password, byte[] salt, int length) {
    if (!Thread.currentThread().isVirtual()) {
      return deriver.derive(memoryKiB, iterations, parallelism, password, salt, length);
    }
    try {
      return CompletableFuture.supplyAsync(
              () -> deriver.derive(memoryKiB, iterations, parallelism, password, salt, length),
              ForkJoinPool.commonPool())
          .join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private static byte[] utf8(char[] password) {
    ByteBuffer encoded;
    try {
      encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(password));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("The password is not valid Unicode text", e);
    }
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    encoded.clear();
    while (encoded.hasRemaining()) {
      encoded.put((byte) 0);
    }
    return bytes;
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
