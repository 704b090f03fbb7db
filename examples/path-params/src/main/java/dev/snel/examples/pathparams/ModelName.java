package dev.snel.examples.pathparams;

import com.fasterxml.jackson.annotation.JsonValue;

/** The models {@code /models/{model_name}} knows; on the wire each is its lower-case value. */
public enum ModelName {
  ALEXNET("alexnet"),
  RESNET("resnet"),
  LENET("lenet");

  private final String value;

  ModelName(String value) {
    this.value = value;
  }

  /** The value on the wire, both in the path and in responses. */
  @JsonValue
  public String value() {
    return value;
  }
}
