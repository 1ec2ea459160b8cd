package io.github.synced.example.breakers12;

import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** An in-memory remote whose answers the test gives, one write at a time. */
final class HeldRemote<K, E> implements Remote<K, E> {
  record Sent<K, E>(Write<K, E> write, CompletableFuture<Reply<E>> answer) {}

  final BlockingQueue<Sent<K, E>> sent = new LinkedBlockingQueue<>();
  volatile Supplier<List<E>> server = List::of;
  volatile java.util.function.Function<E, K> ids;

  HeldRemote(java.util.function.Function<E, K> ids) {
    this.ids = ids;
  }

  @Override
  public CompletionStage<Reply<E>> send(Write<K, E> write) {
    CompletableFuture<Reply<E>> answer = new CompletableFuture<>();
    sent.add(new Sent<>(write, answer));
    return answer;
  }

  @Override
  public CompletionStage<Optional<E>> fetch(K id) {
    for (E e : server.get()) {
      if (ids.apply(e).equals(id)) {
        return CompletableFuture.completedFuture(Optional.of(e));
      }
    }
    return CompletableFuture.completedFuture(Optional.empty());
  }

  @Override
  public CompletionStage<List<E>> fetchAll() {
    return CompletableFuture.completedFuture(new ArrayList<>(server.get()));
  }

  Sent<K, E> next() {
    try {
      Sent<K, E> s = sent.poll(10, TimeUnit.SECONDS);
      if (s == null) {
        throw new AssertionError("nothing was sent");
      }
      return s;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
