package io.github.synced.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Small helpers for the futures the store hands out and the stages the remote returns. */
final class Stages {

  private Stages() {}

  /** A stage failed with {@code failure} (CompletableFuture.failedFuture is not on Android). */
  static <T> CompletableFuture<T> failed(Throwable failure) {
    CompletableFuture<T> f = new CompletableFuture<>();
    f.completeExceptionally(failure);
    return f;
  }

  /** The failure inside the wrappers a future puts around it. */
  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /** Calls the remote; a remote that throws or returns null fails the stage instead. */
  static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> remoteCall, String what) {
    try {
      CompletionStage<T> stage = remoteCall.get();
      return stage != null
          ? stage
          : failed(SyncFailure.userCode("the remote returned null from " + what, null));
    } catch (RuntimeException | Error t) {
      return failed(SyncFailure.userCode("the remote threw from " + what + ": " + t, t));
    }
  }
}
