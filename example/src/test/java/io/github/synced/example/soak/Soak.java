package io.github.synced.example.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.example.server.AppliedWrite;
import io.github.synced.example.server.Faults;
import io.github.synced.example.server.Personality;
import io.github.synced.example.server.RestServer;
import io.github.synced.example.server.ServedRequest;
import io.github.synced.example.server.ServerWrite;
import io.github.synced.runtime.EventLog;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Transition;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonCodecs;
import io.github.synced.runtime.spi.EntityType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A soak of one server personality: many mutations (updates, creates, deletes) and local-only edits
 * through a real {@link SyncStore}, the real {@link HttpRemote} and the generated code, over real
 * HTTP to a {@link RestServer} that injects latency, error statuses, answers dropped after the
 * commit, and a second writer. At the end it checks the contract against the server's log:
 *
 * <ul>
 *   <li>{@link Check#STUCK}: every mutation settled (rule 14: no exchange keeps one waiting);
 *   <li>{@link Check#LOST}: every {@code CONFIRMED} write was applied by the server (rule 3), but
 *       one superseded by a later edit of ours that the server has, which is never sent, and one of
 *       unknown outcome that another writer's change hides (rule 6 settles it without a failure);
 *   <li>{@link Check#APPLIED_TWICE}: none was applied twice, by idempotency key or by its unique
 *       text (rules 5, 6);
 *   <li>{@link Check#ROLLED_BACK_BUT_APPLIED}: no mutation reported {@code ROLLED_BACK} was applied
 *       (rule 6);
 *   <li>{@link Check#DIVERGED}: the client shows every entity the server has, with every synced
 *       field equal, before any final refetch (rules 1, 3, 7, 8, 10);
 *   <li>{@link Check#LOCAL_ONLY_TOUCHED}: every local-only value is the last one the user set, or a
 *       draft's (rule 3);
 *   <li>{@link Check#REFUSED}: no store call failed other than for an entity that had just gone.
 * </ul>
 *
 * <p>The run: the server starts with eight entities and the client loads them. Nine tenths of the
 * operations run under every fault, with polls ({@link SyncStore#refetch()}) now and then; where
 * the server has versions, the second writer's edits are also pushed to the client ({@link
 * SyncStore#receive}), as a websocket would. A server without versions cannot order a push or a
 * poll against a write's answer, so for it the second writer stops before the last tenth, the
 * client polls once when every mutation has settled, and the last tenth runs without polls; client
 * and server must then agree without a final refetch. For versioned servers the second writer runs
 * to the end.
 *
 * <p>Every update and create writes a text unique to it ({@code u17}, {@code c18}), so the log
 * shows which write a server change came from even without its key. The HTTP exchanges are real and
 * run on real threads, so one seed fixes the operations chosen and the faults drawn per request,
 * not the interleaving; a failure prints the seed, and each violation the steps of its mutation,
 * the requests the server saw under its key, and the writes it applied.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public final class Soak<K, E> {

  /** The contract checks, by the rule they hold. */
  public enum Check {
    STUCK,
    LOST,
    APPLIED_TWICE,
    ROLLED_BACK_BUT_APPLIED,
    DIVERGED,
    LOCAL_ONLY_TOUCHED,
    REFUSED
  }

  /**
   * The weights of the operations a step draws.
   *
   * @param update updates (text and maybe another field)
   * @param create creates
   * @param delete deletes
   * @param local local-only edits
   */
  public record Mix(int update, int create, int delete, int local) {
    public static final Mix ALL = new Mix(55, 12, 10, 23);

    int total() {
      return update + create + delete + local;
    }
  }

  /**
   * What to run.
   *
   * @param personality the server
   * @param seed fixes the operations and the faults drawn per request
   * @param mutations how many mutations to make (local-only edits come on top)
   * @param faults the faults while the soak runs (the second writer included)
   * @param retry the store's retry policy
   * @param inFlight how many mutations may be unsettled at once
   * @param pollEvery a poll every this many operations (0: none)
   * @param mix the weights of the operations
   * @param clientIds whether the client makes the ids ({@link
   *     SyncStore.Builder#clientAssignedIds()}) instead of the server
   * @param earlyArrivals whether the user also changes entities the client knows only from a push
   *     or poll that came before the answer to its own create (false: only entities it loaded,
   *     created, or is still creating)
   */
  public record Config(
      Personality personality,
      long seed,
      int mutations,
      Faults faults,
      RetryPolicy retry,
      int inFlight,
      int pollEvery,
      Mix mix,
      boolean clientIds,
      boolean earlyArrivals) {

    /** Every fault and operation, small backoffs, the default five attempts. */
    public static Config standard(Personality personality, long seed, int mutations) {
      return new Config(
          personality,
          seed,
          mutations,
          standardFaults(),
          RetryPolicy.defaults()
              .withBackoff(Duration.ofMillis(2), 2.0, Duration.ofMillis(40))
              .withJitter(0.2, new SplittableRandom(seed)::nextDouble),
          12,
          40,
          Mix.ALL,
          false,
          true);
    }

    /** 1–4 ms latency, 6 % 500, 6 % 503, 2 % 429 (Retry-After 1 s), 6 % drops, a second writer. */
    public static Faults standardFaults() {
      return Faults.none()
          .withLatency(Duration.ofMillis(1), Duration.ofMillis(3))
          .withErrorRate(500, 0.06)
          .withErrorRate(503, 0.06)
          .withErrorRate(429, 0.02)
          .withRetryAfter(Duration.ofSeconds(1))
          .withDropRate(0.06)
          .withSecondWriterEvery(Duration.ofMillis(15));
    }

    /** This config with at most {@code attempts} sends per mutation. */
    public Config withMaxAttempts(int attempts) {
      return new Config(
          personality,
          seed,
          mutations,
          faults,
          retry.withMaxAttempts(attempts),
          inFlight,
          pollEvery,
          mix,
          clientIds,
          earlyArrivals);
    }

    /** This config with other faults. */
    public Config withFaults(Faults f) {
      return new Config(
          personality,
          seed,
          mutations,
          f,
          retry,
          inFlight,
          pollEvery,
          mix,
          clientIds,
          earlyArrivals);
    }

    /** This config with another mix of operations. */
    public Config withMix(Mix m) {
      return new Config(
          personality,
          seed,
          mutations,
          faults,
          retry,
          inFlight,
          pollEvery,
          m,
          clientIds,
          earlyArrivals);
    }

    /** This config with ids the client makes. */
    public Config withClientIds() {
      return new Config(
          personality,
          seed,
          mutations,
          faults,
          retry,
          inFlight,
          pollEvery,
          mix,
          true,
          earlyArrivals);
    }

    /** This config where the user leaves alone entities the client knows only from the server. */
    public Config withoutEarlyArrivals() {
      return new Config(
          personality, seed, mutations, faults, retry, inFlight, pollEvery, mix, clientIds, false);
    }
  }

  /** One broken promise, with what led to it. */
  public record Violation(Check check, String what, List<String> steps) {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(check + ": " + what);
      for (String step : steps) {
        s.append("\n      ").append(step);
      }
      return s.toString();
    }
  }

  /** What a run did and found. */
  public record Report(Config config, Map<String, Integer> counts, List<Violation> violations) {

    /** The violations of one check. */
    public List<Violation> of(Check check) {
      return violations.stream().filter(v -> v.check() == check).toList();
    }

    /** A readable summary: counts, violations per check, the first examples of each. */
    public String text(int examplesPerCheck) {
      StringBuilder s = new StringBuilder();
      s.append("soak ")
          .append(config.personality())
          .append(" seed=")
          .append(config.seed())
          .append(" (rerun: -Dsynced.soak.seed=")
          .append(config.seed())
          .append(")\n  ")
          .append(config.mutations())
          .append(" mutations, ")
          .append(config.mix())
          .append(", ")
          .append(config.retry().maxAttempts())
          .append(" attempts")
          .append(config.clientIds() ? ", client ids" : "")
          .append(config.earlyArrivals() ? ", early arrivals changed" : "")
          .append("\n  ")
          .append(counts)
          .append("\n  violations: ")
          .append(violations.size());
      Map<Check, List<Violation>> byCheck = new EnumMap<>(Check.class);
      violations.forEach(v -> byCheck.computeIfAbsent(v.check(), c -> new ArrayList<>()).add(v));
      byCheck.forEach(
          (check, list) -> {
            s.append("\n  ").append(check).append(": ").append(list.size());
            list.stream().limit(examplesPerCheck).forEach(v -> s.append("\n    ").append(v));
          });
      return s.toString();
    }
  }

  /** A mutation the soak made, with the unique text it wrote ({@code null} for a delete). */
  private record Made<K, E>(Mutation<K, E> mutation, String text) {}

  private static final Duration SETTLE = Duration.ofSeconds(60);

  private final Config config;
  private final Subject<K, E> subject;
  private final EntityType<K, E> type;
  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonCodec<E> codec;
  private final Random random;
  private final Semaphore slots;
  private final List<Made<K, E>> made = new ArrayList<>();
  private final Map<String, Integer> counts = new ConcurrentSkipListMap<>();
  private final List<Violation> violations = Collections.synchronizedList(new ArrayList<>());
  private final Map<Long, List<String>> steps = new ConcurrentHashMap<>();
  private final Map<String, List<String>> requests = new ConcurrentHashMap<>();
  private final AtomicInteger pushesTaken = new AtomicInteger();
  private final AtomicInteger pushesIgnored = new AtomicInteger();
  private final AtomicInteger pollsFailed = new AtomicInteger();

  /** Guards {@link #expectedLocal} and {@link #editable}. */
  private final Object expectations = new Object();

  private final Map<K, List<Object>> expectedLocal = new HashMap<>();
  private final Set<K> editable = new LinkedHashSet<>();

  /** Ids the user knows: loaded, created (temporary and real); see {@link Config#earlyArrivals}. */
  private final Set<K> known = new HashSet<>();

  private Instant origin;

  private Soak(Config config, Subject<K, E> subject) {
    this.config = config;
    this.subject = subject;
    this.type = subject.type();
    this.codec = subject.codec(mapper);
    this.random = new Random(config.seed());
    this.slots = new Semaphore(config.inFlight());
  }

  /** Runs one soak and reports what it found. */
  public static <K, E> Report run(Config config, Subject<K, E> subject) throws Exception {
    return new Soak<>(config, subject).run();
  }

  private Report run() throws Exception {
    Personality personality = config.personality();
    boolean versioned = personality.shape().versioned();
    ExecutorService pushes = Executors.newSingleThreadExecutor(daemon("soak-push"));
    try (RestServer server = RestServer.start(personality, config.seed(), Faults.none())) {
      for (int i = 0; i < 8; i++) {
        server.add(subject.seed(mapper, i));
      }
      HttpRemote<K, E> remote =
          HttpRemote.<K, E>builder(server.uri(), personality.path(), codec)
              .mapper(mapper)
              .requestTimeout(Duration.ofSeconds(5))
              .build();
      SyncStore.Builder<K, E> builder = SyncStore.of(type).remote(remote).retry(config.retry());
      SyncStore<K, E> store = (config.clientIds() ? builder.clientAssignedIds() : builder).build();
      subject.attach(store);
      origin = store.scheduler().now();
      EventLog<K, E> events = EventLog.attach(store, 20_000);
      store.onTransition(this::step);
      server.onRequest(this::served);
      store.refetch().get(30, TimeUnit.SECONDS);
      synchronized (expectations) {
        store.all().forEach(e -> editable.add(type.id(e)));
        known.addAll(editable);
      }
      if (versioned) {
        server.onApplied(
            w -> {
              if (w.writer() == AppliedWrite.Writer.SECOND_WRITER) {
                E state = decode(w.after());
                pushes.execute(
                    () -> (store.receive(state) ? pushesTaken : pushesIgnored).incrementAndGet());
              }
            });
      }
      server.faults(config.faults());
      List<CompletableFuture<Void>> polls = new ArrayList<>();
      int chaosEnd = config.mutations() * 9 / 10;
      boolean calm = false;
      for (int op = 0; made.size() < config.mutations(); op++) {
        boolean chaos = made.size() < chaosEnd;
        if (!chaos && !calm && !versioned) {
          calm = true;
          server.faults(config.faults().withSecondWriterEvery(null));
          if (!settle()) {
            break;
          }
          pollUntilTaken(store);
        }
        if (chaos && config.pollEvery() > 0 && op % config.pollEvery() == config.pollEvery() - 1) {
          polls.add(
              store
                  .refetch()
                  .exceptionally(
                      f -> {
                        pollsFailed.incrementAndGet();
                        return null;
                      }));
        }
        if (!operate(store, op)) {
          break;
        }
      }
      server.faults(Faults.none());
      settle();
      pushes.submit(() -> {}).get(30, TimeUnit.SECONDS);
      CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      store.idle().get(30, TimeUnit.SECONDS); // versions still being learned, say
      check(store, server, events);
      count(server);
    } finally {
      pushes.shutdownNow();
    }
    return new Report(config, new TreeMap<>(counts), List.copyOf(violations));
  }

  // ---------------------------------------------------------------- operations

  /** One operation; false if the soak must stop (a mutation would not settle). */
  private boolean operate(SyncStore<K, E> store, int op) throws InterruptedException {
    int draw = random.nextInt(config.mix().total());
    Mix mix = config.mix();
    List<E> visible = store.all();
    if (!config.earlyArrivals()) {
      synchronized (expectations) {
        visible = visible.stream().filter(e -> known.contains(type.id(e))).toList();
      }
    }
    if (draw < mix.update() && !visible.isEmpty()) {
      K id = type.id(visible.get(random.nextInt(visible.size())));
      String text = "u" + op;
      return mutate("update", text, () -> subject.update(id, text, random), m -> {});
    }
    draw -= mix.update();
    if (draw < mix.create() || visible.isEmpty()) {
      String text = "c" + op;
      E draft =
          config.clientIds()
              ? type.withId(subject.draft(text, random), subject.clientId(op))
              : subject.draft(text, random);
      List<Object> draftLocal = subject.localValues(draft);
      return mutate(
          "create",
          text,
          () -> {
            Mutation<K, E> m = subject.create(draft);
            synchronized (expectations) {
              known.add(m.id());
            }
            return m;
          },
          m -> {
            if (m.state() == MutationState.CONFIRMED) {
              synchronized (expectations) {
                expectedLocal.put(m.id(), draftLocal);
                editable.add(m.id());
                known.add(m.id());
              }
            }
          });
    }
    draw -= mix.create();
    if (draw < mix.delete()) {
      K id = type.id(visible.get(random.nextInt(visible.size())));
      return mutate("delete", null, () -> subject.delete(id), m -> {});
    }
    List<K> candidates = new ArrayList<>();
    synchronized (expectations) {
      for (E e : visible) {
        if (editable.contains(type.id(e))) {
          candidates.add(type.id(e));
        }
      }
    }
    if (candidates.isEmpty()) {
      return true;
    }
    K id = candidates.get(random.nextInt(candidates.size()));
    try {
      E after = subject.local(id, random);
      synchronized (expectations) {
        expectedLocal.put(id, subject.localValues(after));
      }
      counts.merge("local edits", 1, Integer::sum);
    } catch (NoSuchElementException gone) {
      counts.merge("calls on a vanished entity", 1, Integer::sum);
    } catch (RuntimeException e) {
      violations.add(new Violation(Check.REFUSED, "local(" + id + ") threw " + e, List.of()));
    }
    return true;
  }

  /**
   * Makes one mutation once a slot is free; {@code settled} runs when it settles, before its slot
   * is free again (so {@link #settle()} sees what it records). False if no slot freed in time.
   */
  private boolean mutate(
      String kind, String text, Supplier<Mutation<K, E>> make, Consumer<Mutation<K, E>> settled)
      throws InterruptedException {
    if (!slots.tryAcquire(SETTLE.toMillis(), TimeUnit.MILLISECONDS)) {
      stuck();
      return false;
    }
    Mutation<K, E> m;
    try {
      m = make.get();
    } catch (NoSuchElementException gone) {
      slots.release();
      counts.merge("calls on a vanished entity", 1, Integer::sum);
      return true;
    } catch (RuntimeException e) {
      slots.release();
      violations.add(new Violation(Check.REFUSED, kind + " threw " + e, List.of()));
      return true;
    }
    counts.merge(kind + "s", 1, Integer::sum);
    made.add(new Made<>(m, text));
    var unused =
        m.result()
            .whenComplete(
                (v, f) -> {
                  try {
                    settled.accept(m);
                  } finally {
                    slots.release();
                  }
                });
    return true;
  }

  /** Waits until every mutation made so far has settled; false (and STUCK reported) if not. */
  private boolean settle() throws InterruptedException {
    if (!slots.tryAcquire(config.inFlight(), SETTLE.toMillis(), TimeUnit.MILLISECONDS)) {
      stuck();
      return false;
    }
    slots.release(config.inFlight());
    return true;
  }

  private void stuck() {
    for (Made<K, E> x : made) {
      if (!x.mutation().isSettled()) {
        violations.add(
            new Violation(
                Check.STUCK,
                describe(x) + " did not settle within " + SETTLE.toSeconds() + " s",
                story(x, List.of(), null, null)));
      }
    }
  }

  private void pollUntilTaken(SyncStore<K, E> store) throws Exception {
    for (int tries = 1; ; tries++) {
      try {
        store.refetch().get(30, TimeUnit.SECONDS);
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        pollsFailed.incrementAndGet();
        if (tries == 50) {
          throw e;
        }
      }
    }
  }

  // ---------------------------------------------------------------- recording

  /**
   * Mutations confirmed without proof of their application: superseded by a later edit of ours
   * (never sent), or of unknown outcome on an entity another writer changed since.
   */
  private final Set<Long> superseded = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private void step(Transition<K, E> t) {
    if (t.to() == MutationState.CONFIRMED
        && t.reason() != null
        && (t.reason().startsWith("superseded") || t.reason().startsWith("outcome unknown"))) {
      // Never sent, or sent with an outcome no read can tell (applied and written over, or never
      // applied): rule 6 settles it with the server's state, without a failure.
      superseded.add(t.mutation().sequence());
    }
    Duration at = Duration.between(origin, t.at());
    String line =
        String.format(
            "+%d.%03ds %s %s%s%s",
            at.toSeconds(),
            at.toMillisPart(),
            t.id(),
            t.from() == null ? "" : t.from() + " → ",
            t.to(),
            (t.reason() == null || t.reason().isEmpty() ? "" : "  (" + t.reason() + ")")
                + (t.error() == null ? "" : "  [" + t.error() + "]"));
    steps
        .computeIfAbsent(
            t.mutation().sequence(), s -> Collections.synchronizedList(new ArrayList<>()))
        .add(line);
  }

  private void served(ServedRequest r) {
    if (r.idempotencyKey() != null) {
      requests
          .computeIfAbsent(r.idempotencyKey(), k -> Collections.synchronizedList(new ArrayList<>()))
          .add(r.method() + " " + r.path() + " → " + r.status() + " " + r.fate());
    }
    String fate =
        r.fate() == ServedRequest.Fate.INJECTED
            ? "server: injected " + r.status()
            : "server: " + r.fate().name().toLowerCase(java.util.Locale.ROOT);
    counts.merge(fate, 1, Integer::sum);
    counts.merge("server: requests", 1, Integer::sum);
  }

  // ---------------------------------------------------------------- checks

  /** Whether a client deleted {@code id} on the server: a second delete of it is confirmed too. */
  private static boolean deletedByAClient(List<ServerWrite> log, String id) {
    for (ServerWrite w : log) {
      if (w.kind() == AppliedWrite.Kind.DELETE
          && w.writer() == AppliedWrite.Writer.CLIENT
          && w.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private void check(SyncStore<K, E> store, RestServer server, EventLog<K, E> events) {
    List<ServerWrite> log = server.log();
    Map<String, List<ServerWrite>> byKey = new HashMap<>();
    Map<String, List<ServerWrite>> byText = new HashMap<>();
    Map<String, String> textNow = new HashMap<>();
    for (ServerWrite w : log) {
      String before = w.after() == null ? null : textNow.get(w.id());
      String text = w.after() == null ? null : w.after().get(subject.textProperty()).asText();
      if (w.after() == null) {
        textNow.remove(w.id());
      } else {
        textNow.put(w.id(), text);
      }
      if (w.writer() != AppliedWrite.Writer.CLIENT) {
        continue;
      }
      if (w.idempotencyKey() != null) {
        byKey.computeIfAbsent(w.idempotencyKey(), k -> new ArrayList<>()).add(w);
      }
      if (text != null && (w.kind() == AppliedWrite.Kind.CREATE || !text.equals(before))) {
        byText.computeIfAbsent(text, k -> new ArrayList<>()).add(w);
      }
    }
    for (Made<K, E> x : made) {
      Mutation<K, E> m = x.mutation();
      Set<ServerWrite> applied =
          new LinkedHashSet<>(byKey.getOrDefault(m.idempotencyKey(), List.of()));
      if (x.text() != null) {
        applied.addAll(byText.getOrDefault(x.text(), List.of()));
      }
      List<ServerWrite> writes = new ArrayList<>(applied);
      MutationState state = m.state();
      counts.merge("mutations " + state, 1, Integer::sum);
      if (state == MutationState.ROLLED_BACK) {
        counts.merge("rolled back: " + reason(m), 1, Integer::sum);
      }
      if (state == MutationState.CONFIRMED
          && writes.isEmpty()
          && !superseded.contains(m.sequence()) // a later edit of ours replaced it on the server
          && !(m.kind() == Write.Kind.DELETE && deletedByAClient(log, String.valueOf(m.id())))) {
        violations.add(
            new Violation(
                Check.LOST,
                describe(x) + " is CONFIRMED, the server never applied it",
                story(x, writes, events, log)));
      }
      if (writes.size() > 1) {
        violations.add(
            new Violation(
                Check.APPLIED_TWICE,
                describe(x) + " was applied " + writes.size() + " times",
                story(x, writes, events, log)));
      }
      if (state == MutationState.ROLLED_BACK && !writes.isEmpty()) {
        violations.add(
            new Violation(
                Check.ROLLED_BACK_BUT_APPLIED,
                describe(x) + " is ROLLED_BACK (" + reason(m) + "), the server applied it",
                story(x, writes, events, log)));
      }
    }
    Map<String, ObjectNode> onServer = server.snapshot();
    Map<String, E> onClient = new LinkedHashMap<>();
    store.all().forEach(e -> onClient.put(String.valueOf(type.id(e)), e));
    Set<String> ids = new LinkedHashSet<>(onServer.keySet());
    ids.addAll(onClient.keySet());
    for (String id : ids) {
      E client = onClient.get(id);
      ObjectNode serverState = onServer.get(id);
      E server1 = serverState == null ? null : decode(serverState);
      boolean same =
          client != null && server1 != null && type.snapshot(client).equals(type.snapshot(server1));
      if (!same) {
        violations.add(
            new Violation(
                Check.DIVERGED,
                id
                    + ": client "
                    + (client == null ? "has none" : type.snapshot(client))
                    + ", server "
                    + (serverState == null ? "has none" : serverState),
                entityStory(id, events, log)));
      }
    }
    synchronized (expectations) {
      for (E e : onClient.values()) {
        List<Object> expected = expectedLocal.getOrDefault(type.id(e), subject.newLocalValues());
        List<Object> actual = subject.localValues(e);
        if (!expected.equals(actual)) {
          violations.add(
              new Violation(
                  Check.LOCAL_ONLY_TOUCHED,
                  type.id(e) + ": local-only values " + actual + ", the user left " + expected,
                  entityStory(String.valueOf(type.id(e)), events, log)));
        }
      }
    }
    if (!store.pending().isEmpty()) {
      violations.add(
          new Violation(Check.STUCK, "pending after settling: " + store.pending(), List.of()));
    }
    counts.put("entities at the end", onServer.size());
  }

  private void count(RestServer server) {
    long secondWriter =
        server.log().stream().filter(w -> w.writer() == AppliedWrite.Writer.SECOND_WRITER).count();
    counts.put("second-writer edits", (int) secondWriter);
    counts.put("pushes taken", pushesTaken.get());
    counts.put("pushes ignored (older)", pushesIgnored.get());
    counts.put("polls failed", pollsFailed.get());
  }

  private static String reason(Mutation<?, ?> m) {
    Throwable e = m.error().orElse(null);
    if (e instanceof SyncFailure f) {
      return f.kind() + (f.status() == 0 ? "" : " " + f.status());
    }
    return e == null ? "no error" : e.getClass().getSimpleName();
  }

  private String describe(Made<K, E> x) {
    Mutation<K, E> m = x.mutation();
    return "#"
        + m.sequence()
        + " "
        + m.kind().name().toLowerCase(java.util.Locale.ROOT)
        + " of "
        + m.id()
        + (x.text() == null ? "" : " writing '" + x.text() + "'")
        + " key "
        + m.idempotencyKey();
  }

  /** The mutation's steps, the requests under its key, and the writes applied for it. */
  private List<String> story(
      Made<K, E> x, List<ServerWrite> writes, EventLog<K, E> events, List<ServerWrite> log) {
    List<String> s = new ArrayList<>();
    List<String> own = steps.getOrDefault(x.mutation().sequence(), List.of());
    synchronized (own) {
      own.forEach(line -> s.add("client " + line));
    }
    List<String> sent = requests.getOrDefault(x.mutation().idempotencyKey(), List.of());
    synchronized (sent) {
      sent.forEach(line -> s.add("server got " + line));
    }
    writes.forEach(
        w ->
            s.add(
                "server applied #"
                    + w.sequence()
                    + " "
                    + w.kind()
                    + " "
                    + w.id()
                    + " "
                    + w.after()));
    if (events != null) {
      s.add("the entity " + x.mutation().id() + ":");
      s.addAll(entityStory(String.valueOf(x.mutation().id()), events, log));
    }
    return s;
  }

  /** The latest events of one entity on both sides. */
  private List<String> entityStory(String id, EventLog<K, E> events, List<ServerWrite> log) {
    List<String> s = new ArrayList<>();
    List<EventLog.Event<K, E>> mine =
        events.events().stream().filter(e -> String.valueOf(e.id()).equals(id)).toList();
    mine.subList(Math.max(0, mine.size() - 12), mine.size())
        .forEach(e -> s.add("client " + events.format(e, origin)));
    List<ServerWrite> theirs = log.stream().filter(w -> w.id().equals(id)).toList();
    theirs
        .subList(Math.max(0, theirs.size() - 6), theirs.size())
        .forEach(
            w ->
                s.add(
                    "server #"
                        + w.sequence()
                        + " "
                        + w.writer()
                        + " "
                        + w.kind()
                        + " key "
                        + w.idempotencyKey()
                        + " → "
                        + w.after()));
    return s;
  }

  private E decode(JsonNode node) {
    try {
      return JsonCodecs.readEntity(mapper, codec, mapper.writeValueAsBytes(node), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
