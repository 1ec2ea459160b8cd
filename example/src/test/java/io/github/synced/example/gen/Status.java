package io.github.synced.example.gen;

/** A state of {@link FieldItem}. */
public enum Status {
  OPEN,
  DONE
}
