package dev.snel.examples.minimal;

import dev.snel.Delete;
import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Response;
import dev.snel.Status;
import java.util.List;
import java.util.Map;

/** The return values and status codes of docs/tutorial/first-steps.md. */
public class Returns {
  public record Item(String name, double price) {}

  @Get("/record")
  public Item record() {
    return new Item("Hammer", 9.5);
  }

  @Get("/list")
  public List<Integer> list() {
    return List.of(1, 2, 3);
  }

  @Get("/text")
  public String text() {
    return "hello";
  }

  @Get("/nothing")
  public void nothing() {}

  @Get("/html")
  public Response html() {
    return Response.html("<h1>Hello</h1>");
  }

  @Post("/items")
  @Status(201)
  public Item create(Item item) {
    return item;
  }

  @Delete("/items/{name}")
  @Status(204)
  public void delete(String name) {}

  @Get("/maybe/{name}")
  public Map<String, String> maybe(String name, Response response) {
    if (name.equals("new")) {
      response.status(201);
    }
    return Map.of("name", name);
  }
}
