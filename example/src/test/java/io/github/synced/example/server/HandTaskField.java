package io.github.synced.example.server;

import io.github.synced.runtime.EntityField;

/** Stands in for the generated {@code TaskField} until the processor generates it. */
enum HandTaskField implements EntityField {
  ID("id"),
  TITLE("title"),
  DONE("done"),
  UPDATED_AT("updatedAt");

  private final String fieldName;

  HandTaskField(String fieldName) {
    this.fieldName = fieldName;
  }

  @Override
  public String fieldName() {
    return fieldName;
  }
}
