package io.github.synced.example.breakers11;

import io.github.synced.runtime.Page;
import io.github.synced.runtime.PageReader;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A remote and a page reader whose every call waits until the test answers it. */
final class Scripted {
  private Scripted() {}

  record Sent(Write<String, Issue> write, CompletableFuture<Reply<Issue>> answer) {}

  record Read<P>(P params, String token, CompletableFuture<Page<Issue>> answer) {}

  static final class Writes implements Remote<String, Issue> {
    final List<Sent> sent = new ArrayList<>();
    final List<CompletableFuture<List<Issue>>> fetchAlls = new ArrayList<>();

    @Override
    public synchronized CompletionStage<Reply<Issue>> send(Write<String, Issue> write) {
      CompletableFuture<Reply<Issue>> f = new CompletableFuture<>();
      sent.add(new Sent(write, f));
      return f;
    }

    @Override
    public synchronized CompletionStage<Optional<Issue>> fetch(String id) {
      return new CompletableFuture<>();
    }

    @Override
    public synchronized CompletionStage<List<Issue>> fetchAll() {
      CompletableFuture<List<Issue>> f = new CompletableFuture<>();
      fetchAlls.add(f);
      return f;
    }

    synchronized Sent last() {
      return sent.get(sent.size() - 1);
    }

    synchronized int count() {
      return sent.size();
    }
  }

  static final class Reads<P> implements PageReader<P, Issue> {
    final List<Read<P>> reads = new ArrayList<>();

    @Override
    public synchronized CompletionStage<Page<Issue>> read(P params, String page) {
      CompletableFuture<Page<Issue>> f = new CompletableFuture<>();
      reads.add(new Read<>(params, page, f));
      return f;
    }

    synchronized int count() {
      return reads.size();
    }

    synchronized Read<P> last() {
      return reads.get(reads.size() - 1);
    }

    synchronized Read<P> get(int i) {
      return reads.get(i);
    }

    /** Answers the last read with {@code items} and {@code next}. */
    void answer(String next, Issue... items) {
      last().answer().complete(Page.of(List.of(items), next));
    }
  }
}
