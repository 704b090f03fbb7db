package dev.snel.examples.auth;

import dev.snel.testing.TestClient;

class HttpBasicInProcessTest extends HttpBasicBehaviour {
  private static final TestClient client = TestClient.of(HttpBasicApp.app());

  @Override
  TestClient client() {
    return client;
  }
}
