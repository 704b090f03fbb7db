package dev.snel.examples.usersmodels;

import dev.snel.Post;
import dev.snel.ResponseModel;
import dev.snel.Snel;
import dev.snel.netty.SnelServer;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The seed post's request and response models: the request model validates what comes in; the
 * response model decides what goes out, so the password never leaves the server.
 */
public final class Main {

  /** What a client sends to create a user. */
  public record UserCreate(
      @Size(min = 3, max = 50) String username,
      @Email String email,
      @Size(min = 8) String password) {}

  /** What the server answers: no password. */
  public record UserResponse(long id, String username, String email, LocalDateTime created_at) {}

  /** What the server keeps, password included (a stand-in for a database row). */
  public record StoredUser(
      long id, String username, String email, String password, LocalDateTime created_at) {}

  /** The routes. */
  public static final class Users {
    private final AtomicLong ids = new AtomicLong();

    /** Creates a user; returns the stored user, of which only UserResponse's fields are sent. */
    @Post("/users/")
    @ResponseModel(UserResponse.class)
    public StoredUser createUser(UserCreate user) {
      LocalDateTime now = LocalDateTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.MICROS);
      return new StoredUser(
          ids.incrementAndGet(), user.username(), user.email(), user.password(), now);
    }
  }

  /** The app, for the server and for tests. */
  public static Snel app() {
    return Snel.create().include(new Users());
  }

  /** Serves the app on $PORT (default 8000). */
  public static void main(String[] args) {
    SnelServer.run(app());
  }
}
