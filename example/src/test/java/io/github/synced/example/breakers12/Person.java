package io.github.synced.example.breakers12;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** An assignee, nested in an issue. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class Person {
  @SyncId String id;
  String name;
  String email;
  @LocalOnly boolean highlighted;

  public Person() {}

  public Person(String id, String name, String email) {
    this.id = id;
    this.name = name;
    this.email = email;
  }

  @Override
  public String toString() {
    return "Person{" + id + " " + name + " " + email + (highlighted ? " highlighted" : "") + "}";
  }
}
