package dev.snel.examples.pathparams;

import dev.snel.testing.TestClient;

class PathParamsInProcessTest extends PathParamsBehaviour {
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
