package dev.snel.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The seed's users table as a JPA entity. */
@Entity
@Table(name = "users")
public class User {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(unique = true, nullable = false)
  private String email;

  @Column(name = "hashed_password", nullable = false)
  private String hashedPassword;

  @Column(name = "is_active", nullable = false)
  private boolean isActive = true;

  protected User() {}

  User(String email, String hashedPassword) {
    this.email = email;
    this.hashedPassword = hashedPassword;
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getHashedPassword() {
    return hashedPassword;
  }

  public boolean isActive() {
    return isActive;
  }
}
