package dev.snel.examples.auth;

import dev.snel.testing.TestClient;

class AuthInProcessTest extends AuthBehaviour {
  private static final TestClient client = TestClient.of(Main.app());

  @Override
  TestClient client() {
    return client;
  }
}
