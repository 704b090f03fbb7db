package dev.snel.sql;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Post;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The routes the SQL suite calls: each writes a row, then ends one way or another. */
public final class Items {

  /** A row. */
  public record Item(int id, String name) {}

  /** A response whose encoding fails after the handler has written. */
  public record Unencodable(String name) {
    @Override
    public String name() {
      throw new IllegalStateException("cannot encode");
    }
  }

  /** The table, as a JDBI SQL object returning records. */
  public interface ItemRepository {
    @SqlUpdate("INSERT INTO items (id, name) VALUES (:id, :name)")
    void insert(@Bind("id") int id, @Bind("name") String name);

    @SqlQuery("SELECT id, name FROM items WHERE id = :id")
    @RegisterConstructorMapper(Item.class)
    Optional<Item> find(@Bind("id") int id);
  }

  @Post("/items/{id}")
  public Item create(int id, String name, @Depends(Transaction.class) Handle handle) {
    handle.attach(ItemRepository.class).insert(id, name);
    return new Item(id, name);
  }

  @Post("/items/{id}/then-404")
  public Item createThenHttpError(int id, String name, @Depends(Transaction.class) Handle handle) {
    create(id, name, handle);
    throw new HttpException(404, "Nope");
  }

  @Post("/items/{id}/then-fail")
  public Item createThenFail(int id, String name, @Depends(Transaction.class) Handle handle) {
    create(id, name, handle);
    throw new IllegalStateException("handler failed after writing");
  }

  @Post("/items/{id}/unencodable")
  public Unencodable createUnencodable(
      int id, String name, @Depends(Transaction.class) Handle handle) {
    create(id, name, handle);
    return new Unencodable(name);
  }

  @Get("/items/{id}")
  public Item read(int id, @Depends(Transaction.class) Handle handle) {
    return handle
        .attach(ItemRepository.class)
        .find(id)
        .orElseThrow(() -> new HttpException(404, "Item not found"));
  }
}
