package io.github.synced.runtime.json;

import io.github.synced.runtime.spi.EntityField;

/** The synced fields of {@link Note}. */
public enum NoteField implements EntityField {
  ID("id"),
  TEXT("text"),
  PRIORITY("priority"),
  VERSION("version");

  private final String fieldName;

  NoteField(String fieldName) {
    this.fieldName = fieldName;
  }

  @Override
  public String fieldName() {
    return fieldName;
  }
}
