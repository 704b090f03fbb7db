package dev.snel.models.isolated;

import dev.snel.Post;

/** Echoes a {@link Note}; {@code SharedVariantsTest} loads it twice, through two class loaders. */
public class NoteRoutes {
  @Post("/notes")
  public Note echo(Note note) {
    return note;
  }
}
