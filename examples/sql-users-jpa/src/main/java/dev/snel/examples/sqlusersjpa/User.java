package dev.snel.examples.sqlusersjpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * The seed's {@code models.User}: the {@code users} table, with a unique email and the password's
 * hash, never its text.
 */
@Entity
@Table(name = "users")
public class User {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private @Nullable Long id; // null until the row is inserted

  @Column(unique = true, nullable = false)
  private String email;

  @Column(name = "hashed_password", nullable = false)
  private String hashedPassword;

  @Column(name = "is_active", nullable = false)
  private boolean isActive = true;

  /** For Hibernate, which fills the fields from a row. */
  @SuppressWarnings("NullAway.Init")
  protected User() {}

  /** A new, active user. */
  public User(String email, String hashedPassword) {
    this.email = email;
    this.hashedPassword = hashedPassword;
  }

  /** The id the database gave the row; null before it is flushed. */
  public @Nullable Long getId() {
    return id;
  }

  /** The email, unique among users. */
  public String getEmail() {
    return email;
  }

  /** The password's Argon2id hash. */
  public String getHashedPassword() {
    return hashedPassword;
  }

  /** Whether the user is active; true for a new user. */
  public boolean isActive() {
    return isActive;
  }
}
