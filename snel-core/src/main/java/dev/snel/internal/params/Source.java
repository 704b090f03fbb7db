package dev.snel.internal.params;

/** Where a parameter's value comes from; the name is the first element of an error's loc. */
public enum Source {
  PATH("path"),
  QUERY("query"),
  HEADER("header"),
  COOKIE("cookie"),
  BODY("body"),
  /** A field of a form body; its errors are located in the body, like FastAPI's. */
  FORM("body"),
  /** Not from the request's data: the request itself, the response, and other injected objects. */
  INJECTED("");

  private final String loc;

  Source(String loc) {
    this.loc = loc;
  }

  /** The name used in error locations and in OpenAPI's {@code in}. */
  public String loc() {
    return loc;
  }
}
