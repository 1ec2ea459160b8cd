package io.github.synced.runtime;

/** A registered listener; cancel it to stop hearing changes. */
public interface Subscription {

  /** Stops delivery to the listener; changes not yet delivered to it are dropped. */
  void cancel();
}
