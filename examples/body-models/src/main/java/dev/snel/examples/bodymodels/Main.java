package dev.snel.examples.bodymodels;

import dev.snel.Alias;
import dev.snel.Body;
import dev.snel.Default;
import dev.snel.Discriminator;
import dev.snel.FieldValidator;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Json;
import dev.snel.Model;
import dev.snel.ModelValidator;
import dev.snel.Post;
import dev.snel.Put;
import dev.snel.ResponseModel;
import dev.snel.Snel;
import dev.snel.Tag;
import dev.snel.netty.SnelServer;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Request bodies and models beyond the seed: nesting, defaults, aliases, validators, unions. */
public final class Main {

  /** An image of an item: a nested model. */
  public record Image(String url, @Size(max = 100) String name) {}

  /** An item: required, optional and defaulted fields, constraints, a list of nested models. */
  public record Item(
      @Size(min = 1, max = 50) String name,
      Optional<String> description,
      @Positive double price,
      @Default("0.0") @DecimalMin("0") double tax,
      @Default({}) List<String> tags,
      Optional<List<Image>> images) {}

  /** An order as the shop's JavaScript client writes it: camelCase on the wire. */
  @Model(naming = Model.Naming.CAMEL_CASE, extra = Model.Extra.FORBID)
  public record Order(long order_id, String customer_name, @Alias("qty") int quantity) {

    /** Quantities are whole boxes of six. */
    @FieldValidator("quantity")
    static int wholeBoxes(int quantity) {
      if (quantity % 6 != 0) {
        throw new IllegalArgumentException("order whole boxes of 6");
      }
      return quantity;
    }
  }

  /** A price range whose bounds must be in order. */
  public record PriceRange(double low, double high) {

    /** The low bound may not exceed the high one. */
    @ModelValidator
    void ordered() {
      if (low > high) {
        throw new IllegalArgumentException("low must not exceed high");
      }
    }
  }

  /** A pet: the "pet_type" member says which record it is. */
  @Discriminator("pet_type")
  public sealed interface Pet permits Cat, Dog {}

  /** A cat. */
  @Tag("cat")
  public record Cat(boolean meows) implements Pet {}

  /** A dog. */
  @Tag("dog")
  public record Dog(double barks) implements Pet {}

  /** The routes. */
  public static final class Shop {
    private final Map<Long, Item> items = new ConcurrentHashMap<>();

    /** Stores an item under an id. */
    @Put("/items/{item_id}")
    public Map<String, Object> updateItem(long item_id, Item item) {
      items.put(item_id, item);
      return Json.object("item_id", item_id, "item", item);
    }

    /** An item as stored, without the members that are not set. */
    @Get("/items/{item_id}")
    @ResponseModel(excludeNone = true)
    public Item readItem(long item_id) {
      Item item = items.get(item_id);
      if (item == null) {
        throw new HttpException(404, "Item not found");
      }
      return item;
    }

    /** Two bodies in one request: {"item": {...}, "importance": 5}. */
    @Post("/offers")
    public Map<String, Object> offer(Item item, @Body int importance) {
      return Json.object("item", item, "importance", importance);
    }

    /** An order, read and answered in camelCase. */
    @Post("/orders")
    public Order order(Order order) {
      return order;
    }

    /** A price range, checked as a whole. */
    @Post("/ranges")
    public PriceRange range(PriceRange range) {
      return range;
    }

    /** A pet, whichever kind it is. */
    @Post("/pets")
    public Pet adopt(Pet pet) {
      return pet;
    }
  }

  /** The app, for the server and for tests. */
  public static Snel app() {
    return Snel.create().include(new Shop());
  }

  /** Serves the app on $PORT (default 8000). */
  public static void main(String[] args) {
    SnelServer.run(app());
  }
}
