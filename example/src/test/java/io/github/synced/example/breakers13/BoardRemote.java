package io.github.synced.example.breakers13;

import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.Write;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A kanban API in memory: each write waits for the test to answer it ({@link #answer()}), then is
 * checked against the board's version (412 with the board) and applied as a PATCH would be.
 */
final class BoardRemote implements Remote<Long, Board> {
  private final Map<Long, Board> boards = new LinkedHashMap<>();
  private final Deque<Pending> pending = new ArrayDeque<>();
  final List<Write<Long, Board>> writes = new ArrayList<>();

  private record Pending(Write<Long, Board> write, CompletableFuture<Reply<Board>> reply) {}

  synchronized void put(Board b) {
    boards.put(b.id, BoardSync.TYPE.syncedCopy(b));
  }

  synchronized Board board(Long id) {
    return BoardSync.TYPE.syncedCopy(boards.get(id));
  }

  synchronized void otherWriter(Long id, Consumer<Board> change) {
    Board b = boards.get(id);
    change.accept(b);
    b.version++;
  }

  @Override
  public synchronized CompletionStage<Reply<Board>> send(Write<Long, Board> write) {
    writes.add(write);
    CompletableFuture<Reply<Board>> reply = new CompletableFuture<>();
    pending.add(new Pending(write, reply));
    notifyAll();
    return reply;
  }

  synchronized int waiting() {
    return pending.size();
  }

  /** Answers the oldest waiting write as the server would. */
  void answer() {
    answer(0);
  }

  /** Answers the oldest waiting write; a status other than 0 refuses it with that status. */
  void answer(int status) {
    Pending p;
    Reply<Board> reply = null;
    SyncFailure failure = null;
    synchronized (this) {
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (pending.isEmpty() && System.nanoTime() < deadline) {
        try {
          wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
      p = pending.poll();
      if (p == null) {
        throw new AssertionError("no write is waiting");
      }
      Board current = boards.get(p.write().id());
      Object base = p.write().baseVersion();
      if (base != null && !base.equals(current.version)) {
        failure = SyncFailure.conflict(412, "stale", BoardSync.TYPE.syncedCopy(current));
      } else if (status != 0) {
        failure = SyncFailure.rejected(status, "refused");
      } else {
        Board next = BoardSync.TYPE.syncedCopy(current);
        p.write().patch().applyTo(next);
        next.id = current.id;
        next.version = current.version + 1;
        if (next.columns != null
            && next.columns.values().stream()
                .anyMatch(c -> c.name != null && c.name.contains("BAD"))) {
          failure = SyncFailure.rejected(422, "a column name may not contain BAD");
        } else {
          boards.put(next.id, next);
          reply = Reply.entity(BoardSync.TYPE.syncedCopy(next));
        }
      }
    }
    if (failure != null) {
      p.reply().completeExceptionally(failure);
    } else {
      p.reply().complete(reply);
    }
  }

  @Override
  public synchronized CompletionStage<Optional<Board>> fetch(Long id) {
    Board b = boards.get(id);
    return CompletableFuture.completedFuture(
        Optional.ofNullable(b == null ? null : BoardSync.TYPE.syncedCopy(b)));
  }

  @Override
  public synchronized CompletionStage<List<Board>> fetchAll() {
    List<Board> all = new ArrayList<>();
    boards.values().forEach(b -> all.add(BoardSync.TYPE.syncedCopy(b)));
    return CompletableFuture.completedFuture(all);
  }
}
