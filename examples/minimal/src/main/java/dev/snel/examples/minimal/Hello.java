package dev.snel.examples.minimal;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.netty.SnelServer;

public class Hello {
  public record Message(String message) {}

  @Get("/")
  public Message root() {
    return new Message("Hello from Snel");
  }

  public static void main(String[] args) {
    SnelServer.run(Snel.create().include(new Hello()));
  }
}
