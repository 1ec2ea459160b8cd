package io.github.synced.example.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@link RestServer}'s fault injection: the random {@link Faults} in force and the second
 * writer they schedule, the scripted faults of the next writes and reads, and each request's fate,
 * drawn from the seed and the request's identity.
 */
final class FaultPlan {

  /** How one request is treated: an injected error, a drop, a hold, or nothing (0/false/null). */
  record Decision(int error, Duration retryAfter, boolean drop, HeldResponse hold) {}

  /** A request's decision and how long its answer waits, in milliseconds. */
  record Planned(Decision decision, long delayMs) {}

  private final long seed;
  private final ScheduledExecutorService timer;
  private final EntityStore store;

  /** How many times each method and path was requested, for the draws of the next such request. */
  private final Map<String, Integer> requested = new HashMap<>();

  private final Deque<Decision> script = new ArrayDeque<>();
  private final Deque<Decision> readScript = new ArrayDeque<>();
  private Faults faults = Faults.none();
  private ScheduledFuture<?> secondWriter;

  FaultPlan(long seed, ScheduledExecutorService timer, EntityStore store) {
    this.seed = seed;
    this.timer = timer;
    this.store = store;
  }

  /** See {@link RestServer#faults(Faults)}. */
  synchronized void faults(Faults faults) {
    if (secondWriter != null) {
      secondWriter.cancel(false);
      secondWriter = null;
    }
    this.faults = faults;
    long generation = store.nextWriterGeneration();
    Duration every = faults.secondWriterEvery();
    if (every != null) {
      long ms = Math.max(1, every.toMillis());
      secondWriter =
          timer.scheduleAtFixedRate(
              () -> store.secondWriterTick(generation), ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /** The random faults in force. */
  synchronized Faults faults() {
    return faults;
  }

  /** The next write not yet scripted is treated as {@code d}. */
  synchronized void script(Decision d) {
    script.add(d);
  }

  /** The next read not yet scripted is treated as {@code d}. */
  synchronized void scriptRead(Decision d) {
    readScript.add(d);
  }

  /** The fate of a request with {@code method} on {@code rawPath}: scripted, else drawn. */
  synchronized Planned decide(String method, String rawPath, boolean write) {
    // Drawn from the seed and the request's identity (its method, its path and how many such
    // requests came before), not from the order in which requests of different entities
    // arrive: one seed gives each request the same fate in every run.
    String identity = method + " " + rawPath;
    int nth = requested.merge(identity, 1, Integer::sum);
    SplittableRandom draws =
        new SplittableRandom(seed ^ ((identity.hashCode() * 31L + nth) * 0x9E3779B97F4A7C15L));
    double jitterDraw = draws.nextDouble();
    double errorDraw = draws.nextDouble();
    double dropDraw = draws.nextDouble();
    long delayMs = faults.latency().toMillis() + (long) (jitterDraw * faults.jitter().toMillis());
    Decision scripted = write ? script.poll() : readScript.poll();
    return new Planned(scripted != null ? scripted : draw(write, errorDraw, dropDraw), delayMs);
  }

  private Decision draw(boolean write, double errorDraw, double dropDraw) {
    double sum = 0;
    for (Map.Entry<Integer, Double> rate : faults.errorRates().entrySet()) {
      sum += rate.getValue();
      if (errorDraw < sum) {
        int status = rate.getKey();
        boolean hinted = status == 429 || status == 503;
        return new Decision(status, hinted ? faults.retryAfter() : null, false, null);
      }
    }
    return new Decision(0, null, write && dropDraw < faults.dropRate(), null);
  }
}
