package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;

/** What the processor would generate as {@code CardField}. */
enum CardField implements EntityField {
  ID("id"),
  TITLE("title"),
  DONE("done"),
  VERSION("version");

  private final String name;

  CardField(String name) {
    this.name = name;
  }

  @Override
  public String fieldName() {
    return name;
  }
}
