package io.github.synced.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How a store retries sends that failed transiently or whose outcome is unknown: at most {@code
 * maxAttempts} sends per mutation in all, waiting {@code initialBackoff × multiplier^(n-1)} (capped
 * at {@code maxBackoff}) after the n-th failed send, spread by ± {@code jitter} (a fraction, drawn
 * from {@code random}), or exactly the server's retry-after hint when it sent one. The same
 * idempotency key is sent every time and the optimistic effect stays meanwhile.
 *
 * @param maxAttempts the most sends of one mutation, at least 1; conflicts resent count too
 * @param initialBackoff the wait after the first failed send
 * @param multiplier the growth of the wait per further failed send, at least 1
 * @param maxBackoff the longest wait
 * @param jitter the spread of a wait as a fraction of it, from 0 (none) to 1
 * @param random where the jitter comes from: values in [0, 1), for example {@code new
 *     SplittableRandom(seed)::nextDouble}; seed it for exact tests
 * @param onUnknownOutcome what to do when a send's outcome is unknown
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    double multiplier,
    Duration maxBackoff,
    double jitter,
    DoubleSupplier random,
    UnknownOutcome onUnknownOutcome) {

  /** What to do when a send may or may not have taken effect. */
  public enum UnknownOutcome {
    /**
     * Send again with the same idempotency key after the backoff, so a server that deduplicates
     * answers as if once; when attempts run out, fetch the entity and let the server's state
     * decide. For a remote whose server does not deduplicate ({@link Remote#deduplicatesByKey()}
     * false) this acts as {@link #REFETCH}.
     */
    RETRY,
    /**
     * Fetch the entity at once and let the server's state decide: confirmed if it holds every value
     * the mutation set (a delete: if the entity is gone), rolled back otherwise. A create, which
     * the server cannot be asked about by its temporary id, is retried instead.
     */
    REFETCH
  }

  /** Checks the components. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(onUnknownOutcome, "onUnknownOutcome");
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be within 0..1, was " + jitter);
    }
  }

  /** 5 attempts, 200 ms doubling up to 10 s, ± 20 % jitter, unknown outcomes retried. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        5,
        Duration.ofMillis(200),
        2.0,
        Duration.ofSeconds(10),
        0.2,
        () -> ThreadLocalRandom.current().nextDouble(),
        UnknownOutcome.RETRY);
  }

  /** One attempt only: transient failures roll back at once; unknown outcomes are fetched. */
  public static RetryPolicy none() {
    return defaults().withMaxAttempts(1);
  }

  /** This policy with another {@code maxAttempts}. */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(
        attempts, initialBackoff, multiplier, maxBackoff, jitter, random, onUnknownOutcome);
  }

  /** This policy with another backoff curve. */
  public RetryPolicy withBackoff(Duration initial, double factor, Duration max) {
    return new RetryPolicy(maxAttempts, initial, factor, max, jitter, random, onUnknownOutcome);
  }

  /** This policy with another jitter and source of randomness. */
  public RetryPolicy withJitter(double spread, DoubleSupplier source) {
    return new RetryPolicy(
        maxAttempts, initialBackoff, multiplier, maxBackoff, spread, source, onUnknownOutcome);
  }

  /** This policy with another treatment of unknown outcomes. */
  public RetryPolicy withUnknownOutcome(UnknownOutcome treatment) {
    return new RetryPolicy(
        maxAttempts, initialBackoff, multiplier, maxBackoff, jitter, random, treatment);
  }

  /**
   * The wait after the {@code failedAttempts}-th failed send: the server's hint when given (at most
   * {@code maxBackoff}, so a hint of hours cannot stall the entity's queue), otherwise the jittered
   * exponential backoff.
   */
  Duration delay(int failedAttempts, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.isNegative()
          ? Duration.ZERO
          : retryAfter.compareTo(maxBackoff) > 0 ? maxBackoff : retryAfter;
    }
    double nanos =
        (double) initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
    nanos = Math.min(nanos, (double) maxBackoff.toNanos());
    if (jitter > 0) {
      synchronized (random) {
        nanos *= 1 - jitter + 2 * jitter * random.getAsDouble();
      }
    }
    return Duration.ofNanos(Math.round(Math.min(nanos, (double) maxBackoff.toNanos())));
  }
}
