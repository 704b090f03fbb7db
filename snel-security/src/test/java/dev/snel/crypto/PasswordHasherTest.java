package dev.snel.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.crypto.internal.Argon2id;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  /** Small parameters keep the tests fast; the defaults are checked separately. */
  private final PasswordHasher hasher = PasswordHasher.argon2id(64, 1, 1);

  @Test
  void a_hash_verifies_its_password_and_no_other() {
    String stored = hasher.hash("secret123".toCharArray());

    assertThat(hasher.verify("secret123".toCharArray(), stored)).isTrue();
    assertThat(hasher.verify("secret124".toCharArray(), stored)).isFalse();
    assertThat(hasher.verify("".toCharArray(), stored)).isFalse();
  }

  @Test
  void each_hash_has_its_own_salt() {
    assertThat(hasher.hash("secret123".toCharArray()))
        .isNotEqualTo(hasher.hash("secret123".toCharArray()));
  }

  @Test
  void a_hash_is_a_phc_string_with_owasps_parameters_by_default() {
    PasswordHasher defaults = PasswordHasher.argon2id();
    String stored = defaults.hash("secret123".toCharArray());

    assertThat(stored)
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(defaults.verify("secret123".toCharArray(), stored)).isTrue();
  }

  @Test
  void the_reference_implementations_test_vector_verifies() {
    // phc-winner-argon2's src/test.c: "password" with the salt "somesalt", m=64 MiB, t=2, p=1;
    // argon2-cffi (and so pwdlib, FastAPI's tutorial) writes the same format
    String stored =
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    assertThat(hasher.verify("password".toCharArray(), stored)).isTrue();
    assertThat(hasher.verify("Password".toCharArray(), stored)).isFalse();
  }

  @Test
  void a_stored_hash_that_is_not_argon2id_phc_is_refused_with_the_format() {
    for (String bad :
        List.of(
            "",
            "secret123",
            "$2b$12$abcdefghijklmnopqrstuu",
            "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2g",
            "$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2g",
            "$argon2id$v=19$m=64,t=1$c29tZXNhbHQ$aGFzaGhhc2g",
            "$argon2id$v=19$m=64,t=1,p=1,p=1$c29tZXNhbHQ$aGFzaGhhc2g",
            "$argon2id$v=19$m=x,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2g",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$not*base64",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaGhhc2g")) {
      assertThatThrownBy(() -> hasher.verify("x".toCharArray(), bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> hasher.verify("x".toCharArray(), "secret123"))
        .hasMessageContaining("$argon2id$v=19$m=...,t=...,p=...$salt$hash");
  }

  @Test
  void a_hash_with_other_parameters_needs_a_rehash_and_still_verifies() {
    String old = PasswordHasher.argon2id(32, 1, 1).hash("secret123".toCharArray());

    assertThat(hasher.needsRehash(old)).isTrue();
    assertThat(hasher.verify("secret123".toCharArray(), old)).isTrue();
    assertThat(hasher.needsRehash(hasher.hash("secret123".toCharArray()))).isFalse();
    assertThat(PasswordHasher.argon2id(64, 2, 1).needsRehash(hasher.hash("x".toCharArray())))
        .isTrue();
  }

  @Test
  void an_unknown_user_is_refused_after_a_full_argon2id_run_with_the_hashers_parameters() {
    List<String> runs = new ArrayList<>();
    PasswordHasher counted =
        new PasswordHasher(
            64,
            1,
            1,
            (m, t, p, password, salt, length) -> {
              runs.add("m=" + m + ",t=" + t + ",p=" + p + ",length=" + length);
              return Argon2id.derive(m, t, p, password, salt, length);
            });
    String stored = counted.hash("secret123".toCharArray());
    runs.clear();

    assertThat(counted.verify("wrong".toCharArray(), stored)).isFalse();
    assertThat(counted.verifyUnknownUser("wrong".toCharArray())).isFalse();
    assertThat(counted.verify("secret123".toCharArray(), Optional.empty())).isFalse();
    assertThat(counted.verify("secret123".toCharArray(), Optional.of(stored))).isTrue();

    assertThat(runs).containsOnly("m=64,t=1,p=1,length=32").hasSize(4);
  }

  @Test
  void parameters_argon2_does_not_accept_are_refused() {
    assertThatThrownBy(() -> PasswordHasher.argon2id(7, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8 KiB per lane");
    assertThatThrownBy(() -> PasswordHasher.argon2id(64, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PasswordHasher.argon2id(64, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void on_a_virtual_thread_the_work_runs_on_a_platform_thread_while_the_caller_waits()
      throws Exception {
    List<Boolean> virtual = new ArrayList<>();
    PasswordHasher observed =
        new PasswordHasher(
            64,
            1,
            1,
            (m, t, p, password, salt, length) -> {
              synchronized (virtual) {
                virtual.add(Thread.currentThread().isVirtual());
              }
              return Argon2id.derive(m, t, p, password, salt, length);
            });
    String stored = observed.hash("secret123".toCharArray());
    boolean[] verified = new boolean[2];
    Thread.ofVirtual()
        .start(
            () -> {
              verified[0] = observed.verify("secret123".toCharArray(), stored);
              verified[1] = observed.verify("wrong".toCharArray(), stored);
            })
        .join();

    assertThat(verified).containsExactly(true, false);
    assertThat(virtual).containsExactly(false, false, false);
  }

  @Test
  void a_failure_on_the_pool_reaches_the_virtual_caller_as_itself() throws Exception {
    PasswordHasher failing =
        new PasswordHasher(
            64,
            1,
            1,
            (m, t, p, password, salt, length) -> {
              throw new IllegalStateException("no memory for this");
            });
    Throwable[] thrown = new Throwable[1];
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                failing.hash("x".toCharArray());
              } catch (RuntimeException e) {
                thrown[0] = e;
              }
            })
        .join();
    assertThat(thrown[0])
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no memory for this");
  }
}
