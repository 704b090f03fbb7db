package dev.snel.bench;

import dev.snel.crypto.PasswordHasher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A login whose user does not exist ({@code unknownUser}) against one whose password is wrong
 * ({@code wrongPassword}, the reference): the two must cost the same, within 20 %, so that response
 * times do not tell which user names exist. Small Argon2id parameters keep a run short; the ratio
 * does not depend on them, since both paths run one Argon2id with the same parameters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PasswordTimingBenchmark {
  /** Argon2id's memory in KiB (t=1, p=1). */
  @Param({"4096"})
  public int memoryKiB;

  private PasswordHasher hasher;
  private String stored;
  private final char[] wrong = "not-the-password".toCharArray();

  /** One user's stored hash, made once. */
  @Setup
  public void setup() {
    hasher = PasswordHasher.argon2id(memoryKiB, 1, 1);
    stored = hasher.hash("correct horse battery staple".toCharArray());
  }

  /** Reference: the user exists, the password is wrong. */
  @Benchmark
  public boolean wrongPassword() {
    return hasher.verify(wrong, stored);
  }

  /** The user does not exist: a verification against the hasher's dummy hash. */
  @Benchmark
  public boolean unknownUser() {
    return hasher.verifyUnknownUser(wrong);
  }
}
