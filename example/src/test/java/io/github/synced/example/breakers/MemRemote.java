package io.github.synced.example.breakers;

import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** An in-memory versioned task server as a Remote; a hook can make send throw. */
final class MemRemote implements Remote<String, BTask> {
  final Map<String, BTask> rows = new TreeMap<>();
  private long clock = 10;
  volatile Consumer<Write<String, BTask>> beforeSend = w -> {};

  synchronized void put(String id, String title) {
    BTask t = new BTask();
    t.id = id;
    t.title = title;
    t.updatedAt = clock++;
    rows.put(id, t);
  }

  /** A second writer: the server's row changes, at a version far ahead. */
  synchronized BTask secondWriter(String id, String title, long version) {
    BTask t = rows.get(id);
    t.title = title;
    t.updatedAt = version;
    clock = version + 1;
    return copy(t);
  }

  private static BTask copy(BTask t) {
    return BTaskSync.TYPE.syncedCopy(t);
  }

  @Override
  public CompletionStage<Reply<BTask>> send(Write<String, BTask> write) {
    beforeSend.accept(write);
    synchronized (this) {
      switch (write.kind()) {
        case CREATE -> {
          BTask t = copy(write.entity());
          t.updatedAt = clock++;
          rows.put(t.id, t);
          return CompletableFuture.completedFuture(Reply.entity(copy(t)));
        }
        case UPDATE -> {
          BTask t = rows.get(write.id());
          write.patch().applyTo(t);
          t.updatedAt = clock++;
          return CompletableFuture.completedFuture(Reply.entity(copy(t)));
        }
        default -> {
          rows.remove(write.id());
          return CompletableFuture.completedFuture(Reply.empty());
        }
      }
    }
  }

  @Override
  public synchronized CompletionStage<Optional<BTask>> fetch(String id) {
    return CompletableFuture.completedFuture(
        Optional.ofNullable(rows.get(id)).map(MemRemote::copy));
  }

  @Override
  public synchronized CompletionStage<List<BTask>> fetchAll() {
    List<BTask> all = new ArrayList<>();
    rows.values().forEach(t -> all.add(copy(t)));
    return CompletableFuture.completedFuture(all);
  }
}
