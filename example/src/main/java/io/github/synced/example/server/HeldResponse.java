package io.github.synced.example.server;

import java.util.concurrent.CompletableFuture;

/**
 * A write's answer that the server holds back until {@link #release()}: the write is committed when
 * it arrives, its answer is sent only when released. For showing late, reordered and timed-out
 * answers without sleeping.
 */
public final class HeldResponse {

  private final CompletableFuture<Void> arrived = new CompletableFuture<>();
  private final CompletableFuture<Void> released = new CompletableFuture<>();

  HeldResponse() {}

  /** Completes once the held write has arrived and been handled (committed if it was valid). */
  public CompletableFuture<Void> arrived() {
    return arrived.copy();
  }

  /** Sends the held answer now (or as soon as the write arrives). Idempotent. */
  public void release() {
    released.complete(null);
  }

  void arrive(Runnable send) {
    var unused = released.thenRun(send);
    arrived.complete(null);
  }
}
