package dev.snel.examples.minimal;

import dev.snel.testing.TestClient;

class MinimalAppInProcessTest extends MinimalAppBehaviour {
  private final TestClient client = TestClient.of(Main.app());

  @Override
  TestClient client() {
    return client;
  }

  @Override
  String baseUrl() {
    return "http://testserver";
  }
}
