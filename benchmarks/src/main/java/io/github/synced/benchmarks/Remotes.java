package io.github.synced.benchmarks;

import io.github.synced.benchmarks.baseline.HandItem;
import io.github.synced.benchmarks.model.Item;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.Write;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * In-memory remotes for the engine benchmarks. Their server applies every write it is sent and
 * answers with the whole entity at the next version, as a typical REST server does; what they cost
 * is measured apart ({@code StoreBench.remoteAlone}) so it can be told from the store's cost.
 */
public final class Remotes {

  private Remotes() {}

  /** The server's answer to {@code write}: the state it leads to, one version later. */
  static Item answer(Write<String, Item> write) {
    Item server = HandItem.copy(write.entity());
    server.setVersion(server.getVersion() + 1);
    return server;
  }

  /** Answers every write at once, on the caller's thread: a mutation confirms inside its call. */
  public static final class Immediate implements Remote<String, Item> {
    @Override
    public CompletionStage<Reply<Item>> send(Write<String, Item> write) {
      return CompletableFuture.completedFuture(Reply.entity(answer(write)));
    }

    @Override
    public CompletionStage<Optional<Item>> fetch(String id) {
      return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public CompletionStage<List<Item>> fetchAll() {
      return CompletableFuture.completedFuture(List.of());
    }
  }

  /** Holds every write until the benchmark answers it, oldest first. */
  public static final class Holding implements Remote<String, Item> {
    private final ArrayDeque<Write<String, Item>> writes = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<Reply<Item>>> answers = new ArrayDeque<>();

    @Override
    public CompletionStage<Reply<Item>> send(Write<String, Item> write) {
      CompletableFuture<Reply<Item>> answer = new CompletableFuture<>();
      writes.add(write);
      answers.add(answer);
      return answer;
    }

    /** How many writes wait for an answer. */
    public int waiting() {
      return writes.size();
    }

    /** Answers the oldest waiting write with success; the store confirms on this thread. */
    public void answerOldest() {
      Write<String, Item> write = writes.poll();
      CompletableFuture<Reply<Item>> answer = answers.poll();
      if (write == null || answer == null) {
        throw new IllegalStateException("no write is waiting");
      }
      answer.complete(Reply.entity(answer(write)));
    }

    @Override
    public CompletionStage<Optional<Item>> fetch(String id) {
      return new CompletableFuture<>();
    }

    @Override
    public CompletionStage<List<Item>> fetchAll() {
      return new CompletableFuture<>();
    }
  }
}
