package dev.snel.examples.minimal;

import dev.snel.Get;
import java.util.List;

/** The routes that docs/tutorial/first-steps.md puts under a prefix. */
public class UserRoutes {
  /** A user. */
  public record User(long id, String name) {}

  @Get("")
  public List<User> list() {
    return List.of(new User(1, "alice"));
  }

  @Get("/{id}")
  public User read(long id) {
    return new User(id, "alice");
  }
}
