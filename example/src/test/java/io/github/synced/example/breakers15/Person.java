package io.github.synced.example.breakers15;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A board's owner: one nested object. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class Person {
  @SyncId String id;
  String name;
  @LocalOnly boolean expanded;

  public Person() {}

  Person(String id, String name) {
    this.id = id;
    this.name = name;
  }

  @Override
  public String toString() {
    return "{" + id + " " + name + (expanded ? " EXP" : "") + "}";
  }
}
