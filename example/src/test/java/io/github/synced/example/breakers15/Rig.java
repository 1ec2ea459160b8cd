package io.github.synced.example.breakers15;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A server with one board b1 and a store over HTTP. */
final class Rig implements AutoCloseable {
  static final String B1 =
      "{\"id\":\"b1\",\"title\":\"Board\",\"owner\":{\"id\":\"p1\",\"name\":\"Ann\"},"
          + "\"cards\":[{\"id\":\"c1\",\"title\":\"one\",\"done\":false},"
          + "{\"id\":\"c2\",\"title\":\"two\",\"done\":false},"
          + "{\"id\":\"c3\",\"title\":\"three\",\"done\":false}],"
          + "\"lanes\":{\"todo\":{\"id\":\"l1\",\"title\":\"To do\",\"done\":false},"
          + "\"doing\":{\"id\":\"l2\",\"title\":\"Doing\",\"done\":false}}}";

  final FakeApi api = new FakeApi();
  final SyncStore<String, Board> store;
  final BoardMutations boards;
  final java.util.List<String> events =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  Rig(FakeApi.Answer answer, boolean dedupe, ConflictPolicy<Board> policy) {
    api.answer = answer;
    api.dedupe = dedupe;
    api.put(B1);
    HttpRemote<String, Board> remote =
        HttpRemote.<String, Board>builder(api.uri(), "/boards", new BoardJson())
            .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(dedupe).build())
            .requestTimeout(Duration.ofSeconds(10))
            .build();
    var b = SyncStore.of(BoardSync.TYPE).remote(remote).notifyOn(Runnable::run);
    if (policy != null) {
      b = b.conflicts(policy);
    }
    store = b.build();
    boards = new BoardMutations(store);
    io.github.synced.runtime.EventLog<String, Board> log =
        io.github.synced.runtime.EventLog.attach(store);
    java.time.Instant start = store.scheduler().now();
    var unusedSub = log.subscribe(e -> events.add(log.format(e, start)));
    await(store.refetch());
    // UI state on every element
    store.local(
        "b1",
        x -> {
          x.expanded = true;
          x.owner.expanded = true;
          x.cards.forEach(c -> c.expanded = true);
          x.lanes.values().forEach(c -> c.expanded = true);
        });
  }

  Rig(FakeApi.Answer answer) {
    this(answer, false, null);
  }

  Board b1() {
    return store.get("b1").orElseThrow();
  }

  static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
    try {
      return f.get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("did not complete: " + e, e);
    }
  }

  void settle() {
    await(store.idle());
  }

  /** Settles, refetches and checks the synced fields equal the server's. */
  void converge() {
    settle();
    await(store.refetch());
    settle();
    String client = Jsonish.of(b1());
    String server = Jsonish.of(api.row("b1"));
    if (!client.equals(server)) {
      throw new AssertionError(
          "client and server differ after settle+refetch\n client "
              + client
              + "\n server "
              + server
              + "\n log "
              + api.log);
    }
  }

  @Override
  public void close() {
    api.close();
  }
}
