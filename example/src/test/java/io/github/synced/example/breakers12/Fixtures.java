package io.github.synced.example.breakers12;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.SyncFailure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Small helpers shared by the tests. */
final class Fixtures {
  private Fixtures() {}

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      throw new AssertionError("failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("timed out", e);
    }
  }

  /** The failure a mutation ends with. */
  static SyncFailure failure(Mutation<?, ?> m) {
    try {
      m.result().get(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SyncFailure f) {
        return f;
      }
      throw new AssertionError("not a SyncFailure: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("timed out", e);
    }
    fail("expected " + m + " to fail, it confirmed");
    return null;
  }

  /** The message of a refusal: thrown by the call, or the failure of the mutation it made. */
  static String refusal(Supplier<Mutation<?, ?>> call) {
    Mutation<?, ?> m;
    try {
      m = call.get();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    return failure(m).getMessage();
  }

  /** The cause of a failed future, unwrapped. */
  static Throwable cause(CompletableFuture<?> future) {
    try {
      future.get(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("timed out", e);
    }
    return fail("expected the future to fail");
  }
}
