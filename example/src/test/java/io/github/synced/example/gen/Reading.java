package io.github.synced.example.gen;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** A sensor reading whose server versions are fractional timestamps (seconds as a double). */
@Synced
public class Reading {
  @SyncId String id;
  double value;
  @SyncVersion double at;

  /** A reading. */
  public Reading() {}

  Reading(String id, double value, double at) {
    this.id = id;
    this.value = value;
    this.at = at;
  }
}
