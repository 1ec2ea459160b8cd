package io.github.synced.example.server;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The faults a {@link TaskServer} injects at random (from its seeded {@code Random}): latency
 * before each answer, error answers by status, and answers dropped after the write was committed;
 * plus a second writer that edits a task now and then. Immutable: each {@code with} method returns
 * a new value. {@link #none()} injects nothing.
 */
public final class Faults {

  private static final Faults NONE =
      new Faults(Duration.ZERO, Duration.ZERO, Map.of(), null, 0, null);

  private final Duration latency;
  private final Duration jitter;
  private final Map<Integer, Double> errorRates;
  private final Duration retryAfter;
  private final double dropRate;
  private final Duration secondWriterEvery;

  private Faults(
      Duration latency,
      Duration jitter,
      Map<Integer, Double> errorRates,
      Duration retryAfter,
      double dropRate,
      Duration secondWriterEvery) {
    this.latency = latency;
    this.jitter = jitter;
    this.errorRates = Collections.unmodifiableMap(new TreeMap<>(errorRates));
    this.retryAfter = retryAfter;
    this.dropRate = dropRate;
    this.secondWriterEvery = secondWriterEvery;
  }

  /** No faults: every answer at once, no errors, no drops, no second writer. */
  public static Faults none() {
    return NONE;
  }

  /**
   * Every answer waits {@code fixed} plus a uniformly random part of {@code jitter} after the
   * request was handled (a write is committed at once; its answer travels slowly).
   */
  public Faults withLatency(Duration fixed, Duration jitter) {
    return new Faults(
        nonNegative(fixed, "latency"),
        nonNegative(jitter, "jitter"),
        errorRates,
        retryAfter,
        dropRate,
        secondWriterEvery);
  }

  /**
   * A share {@code rate} (0 to 1) of requests, reads and writes, is answered with {@code status}
   * (400 to 599) without being applied. The rates of all statuses add up to at most 1.
   */
  public Faults withErrorRate(int status, double rate) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an injected error status is 400..599, was " + status);
    }
    Map<Integer, Double> rates = new TreeMap<>(errorRates);
    rates.put(status, rate(rate, "error rate of " + status));
    double total = rates.values().stream().mapToDouble(Double::doubleValue).sum();
    if (total > 1) {
      throw new IllegalArgumentException("error rates add up to " + total + ", more than 1");
    }
    return new Faults(latency, jitter, rates, retryAfter, dropRate, secondWriterEvery);
  }

  /** The {@code Retry-After} sent with injected 429 and 503 answers; {@code null}: none. */
  public Faults withRetryAfter(Duration retryAfter) {
    return new Faults(
        latency,
        jitter,
        errorRates,
        retryAfter == null ? null : nonNegative(retryAfter, "retryAfter"),
        dropRate,
        secondWriterEvery);
  }

  /**
   * A share {@code rate} (0 to 1) of writes that were not answered with an injected error is
   * committed and then gets no answer: the connection is closed, which the client sees as an
   * outcome-unknown I/O error.
   */
  public Faults withDropRate(double rate) {
    return new Faults(
        latency, jitter, errorRates, retryAfter, rate(rate, "drop rate"), secondWriterEvery);
  }

  /**
   * A second writer changes the title of a task picked at random (of a task with subtasks, for one
   * time in two the title of one of its subtasks) every {@code period}; {@code null}: never.
   */
  public Faults withSecondWriterEvery(Duration period) {
    if (period != null && (period.isNegative() || period.isZero())) {
      throw new IllegalArgumentException("the second writer's period must be positive");
    }
    return new Faults(latency, jitter, errorRates, retryAfter, dropRate, period);
  }

  /** The fixed part of the latency. */
  public Duration latency() {
    return latency;
  }

  /** The random part of the latency, at most this. */
  public Duration jitter() {
    return jitter;
  }

  /** The injected error rate of each status, by status. */
  public Map<Integer, Double> errorRates() {
    return errorRates;
  }

  /** The {@code Retry-After} sent with injected 429 and 503 answers, or {@code null}. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** The share of writes committed without an answer. */
  public double dropRate() {
    return dropRate;
  }

  /** How often the second writer edits a task, or {@code null} for never. */
  public Duration secondWriterEvery() {
    return secondWriterEvery;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Faults f
        && f.latency.equals(latency)
        && f.jitter.equals(jitter)
        && f.errorRates.equals(errorRates)
        && Objects.equals(f.retryAfter, retryAfter)
        && f.dropRate == dropRate
        && Objects.equals(f.secondWriterEvery, secondWriterEvery);
  }

  @Override
  public int hashCode() {
    return Objects.hash(latency, jitter, errorRates, retryAfter, dropRate, secondWriterEvery);
  }

  @Override
  public String toString() {
    return "Faults[latency="
        + latency.toMillis()
        + "ms+0.."
        + jitter.toMillis()
        + "ms, errors="
        + errorRates
        + ", retryAfter="
        + retryAfter
        + ", drop="
        + dropRate
        + ", secondWriterEvery="
        + secondWriterEvery
        + "]";
  }

  private static Duration nonNegative(Duration d, String name) {
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + d);
    }
    return d;
  }

  private static double rate(double rate, String name) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
    }
    return rate;
  }
}
