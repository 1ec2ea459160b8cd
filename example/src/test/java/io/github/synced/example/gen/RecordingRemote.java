package io.github.synced.example.gen;

import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A remote for tests of the generated wrappers: it records every write it gets and answers only
 * when the test says so. It has no server state of its own, so fetches find nothing.
 */
final class RecordingRemote<K, E> implements Remote<K, E> {

  /** One write the store sent, with the answer the test gives it. */
  static final class Call<K, E> {
    final Write<K, E> write;
    private final CompletableFuture<Reply<E>> answer = new CompletableFuture<>();

    private Call(Write<K, E> write) {
      this.write = write;
    }

    /** The server accepted the write and answers with its whole state. */
    void confirm(E serverState) {
      answer.complete(Reply.entity(serverState));
    }

    /** The server accepted the write and answers with no body, as for a delete. */
    void confirmEmpty() {
      answer.complete(Reply.empty());
    }

    /** The server refused the write for good. */
    void reject(int status) {
      answer.completeExceptionally(SyncFailure.rejected(status, "refused by the test"));
    }
  }

  private final List<Call<K, E>> calls = new ArrayList<>();
  private final List<String> log;

  /** A remote that notes each send in {@code log}, so tests can see it beside listener events. */
  RecordingRemote(List<String> log) {
    this.log = log;
  }

  @Override
  public synchronized CompletionStage<Reply<E>> send(Write<K, E> write) {
    log.add("send " + write.kind() + " " + write.id());
    Call<K, E> call = new Call<>(write);
    calls.add(call);
    return call.answer;
  }

  @Override
  public CompletionStage<Optional<E>> fetch(K id) {
    return CompletableFuture.completedFuture(Optional.empty());
  }

  @Override
  public CompletionStage<List<E>> fetchAll() {
    return CompletableFuture.completedFuture(List.of());
  }

  /** Every write received so far, in order. */
  synchronized List<Write<K, E>> writes() {
    return calls.stream().map(c -> c.write).toList();
  }

  /** The {@code index}-th call received (0-based). */
  synchronized Call<K, E> call(int index) {
    return calls.get(index);
  }
}
