package io.github.synced.example.review13;

import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A server that takes writes and answers each when the test says so. */
final class HeldRemote<K, E> implements Remote<K, E> {
  final List<CompletableFuture<Reply<E>>> answers = new ArrayList<>();
  final List<Write<K, E>> writes = new ArrayList<>();

  @Override
  public synchronized CompletionStage<Reply<E>> send(Write<K, E> write) {
    writes.add(write);
    CompletableFuture<Reply<E>> answer = new CompletableFuture<>();
    answers.add(answer);
    return answer;
  }

  @Override
  public CompletionStage<Optional<E>> fetch(K id) {
    return CompletableFuture.completedFuture(Optional.empty());
  }

  @Override
  public CompletionStage<List<E>> fetchAll() {
    return CompletableFuture.completedFuture(List.of());
  }
}
