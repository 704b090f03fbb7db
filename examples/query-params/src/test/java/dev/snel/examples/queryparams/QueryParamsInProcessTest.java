package dev.snel.examples.queryparams;

import dev.snel.testing.TestClient;

class QueryParamsInProcessTest extends QueryParamsBehaviour {
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
