package dev.snel.examples.dependencies;

import dev.snel.HttpException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake database that writes down what happens to it, so that a test (or you, at {@code GET
 * /events}) can see when sessions open, commit, roll back and close. One per app: it is provided
 * with {@code app.provide(database)} and closed by {@code app.close()}.
 *
 * <p>Threading: requests use it from many threads at once; every method is synchronized.
 */
public final class Database implements AutoCloseable {
  private final List<String> notes = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final AtomicInteger sessions = new AtomicInteger();

  /** Opens a session: what a dependency hands to one request. */
  public DbSession open() {
    DbSession session = new DbSession(this, sessions.incrementAndGet());
    event("session " + session.id() + " opened");
    return session;
  }

  /** What happened so far, oldest first. */
  public synchronized List<String> events() {
    return List.copyOf(events);
  }

  synchronized void event(String event) {
    events.add(event);
  }

  synchronized List<String> committedNotes() {
    return List.copyOf(notes);
  }

  /** Stores the notes, all or none: a note that exists already fails the commit (a unique key). */
  synchronized void commit(int session, List<String> pending) {
    for (String note : pending) {
      if (notes.contains(note) || Collections.frequency(pending, note) > 1) {
        event("session " + session + " failed to commit");
        throw new HttpException(409, "Note already exists: " + note);
      }
    }
    notes.addAll(pending);
    event("session " + session + " committed");
  }

  @Override
  public void close() {
    event("database closed");
  }

  /** One request's view of the database: notes added here are stored when it commits. */
  public static final class DbSession implements AutoCloseable {
    private final Database database;
    private final int id;
    private final List<String> pending = new ArrayList<>();

    DbSession(Database database, int id) {
      this.database = database;
      this.id = id;
    }

    /** The session's number, counted from 1 in each database. */
    public int id() {
      return id;
    }

    /** The stored notes. */
    public List<String> notes() {
      return database.committedNotes();
    }

    /** Adds a note, stored when the session commits. */
    public void add(String note) {
      pending.add(note);
    }

    /** Stores the added notes; fails with 409 if one exists already. */
    public void commit() {
      database.commit(id, pending);
      pending.clear();
    }

    /** Forgets the added notes. */
    public void rollback() {
      pending.clear();
      database.event("session " + id + " rolled back");
    }

    @Override
    public void close() {
      database.event("session " + id + " closed");
    }
  }
}
