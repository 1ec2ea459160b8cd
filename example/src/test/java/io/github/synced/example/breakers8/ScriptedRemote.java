package io.github.synced.example.breakers8;

import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A remote whose every call waits until the test answers it: full control over races. From the
 * outside tester of issue 8.
 */
final class ScriptedRemote<K, E> implements Remote<K, E> {
  record Sent<K, E>(Write<K, E> write, CompletableFuture<Reply<E>> answer) {}

  record Fetch<K, E>(K id, CompletableFuture<Optional<E>> answer) {}

  final List<Sent<K, E>> sent = new ArrayList<>();
  final List<Fetch<K, E>> fetches = new ArrayList<>();
  final List<CompletableFuture<List<E>>> fetchAlls = new ArrayList<>();
  boolean dedupe = true;

  @Override
  public synchronized CompletionStage<Reply<E>> send(Write<K, E> write) {
    CompletableFuture<Reply<E>> f = new CompletableFuture<>();
    sent.add(new Sent<>(write, f));
    return f;
  }

  @Override
  public synchronized CompletionStage<Optional<E>> fetch(K id) {
    CompletableFuture<Optional<E>> f = new CompletableFuture<>();
    fetches.add(new Fetch<>(id, f));
    return f;
  }

  @Override
  public synchronized CompletionStage<List<E>> fetchAll() {
    CompletableFuture<List<E>> f = new CompletableFuture<>();
    fetchAlls.add(f);
    return f;
  }

  @Override
  public boolean deduplicatesByKey() {
    return dedupe;
  }

  synchronized Sent<K, E> last() {
    return sent.get(sent.size() - 1);
  }

  synchronized Sent<K, E> sent(int i) {
    return sent.get(i);
  }

  synchronized int sentCount() {
    return sent.size();
  }
}
