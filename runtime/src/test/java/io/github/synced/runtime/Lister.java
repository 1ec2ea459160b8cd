package io.github.synced.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * A page reader over a {@link FakeServer}: the cards whose {@code done} is the parameter's, in
 * title order, {@link #size} to a page with tokens {@code p2}, {@code p3}...; a read takes the
 * server's state when it is sent and, while {@link #hold} is set, answers only when the test
 * releases it.
 */
final class Lister implements PageReader<Lister.ByDone, Card> {

  /** The query's parameters: open or done cards. */
  record ByDone(boolean done) {}

  static final Comparator<Card> BY_TITLE = Comparator.comparing((Card c) -> c.title);

  private final FakeServer server;
  int size = 100;
  boolean hold;

  /** Replaces the answer of a read, for bad pages: given the page token and the honest answer. */
  BiFunction<String, Page<Card>, CompletionStage<Page<Card>>> answer;

  final List<String> reads = new ArrayList<>();
  private final List<CompletableFuture<Void>> held = new ArrayList<>();

  Lister(FakeServer server) {
    this.server = server;
  }

  /** A query type over this reader; {@code matches} and title order when {@code clientSide}. */
  QueryType.Builder<ByDone, Card> type(boolean clientSide) {
    QueryType.Builder<ByDone, Card> b = QueryType.builder("cards by done", this);
    return clientSide ? b.matches((p, c) -> c.done == p.done()).order(BY_TITLE) : b;
  }

  @Override
  public synchronized CompletionStage<Page<Card>> read(ByDone params, String page) {
    reads.add(params.done() + "/" + (page == null ? "p1" : page));
    List<Card> all =
        server.all().stream().filter(c -> c.done == params.done()).sorted(BY_TITLE).toList();
    int index = page == null ? 1 : Integer.parseInt(page.substring(1));
    int from = Math.min(all.size(), (index - 1) * size);
    int to = Math.min(all.size(), from + size);
    Page<Card> honest =
        Page.of(new ArrayList<>(all.subList(from, to)), to < all.size() ? "p" + (index + 1) : null);
    CompletionStage<Page<Card>> out =
        answer == null ? CompletableFuture.completedFuture(honest) : answer.apply(page, honest);
    if (!hold) {
      return out;
    }
    CompletableFuture<Void> gate = new CompletableFuture<>();
    held.add(gate);
    return gate.thenCompose(x -> out);
  }

  synchronized int held() {
    return held.size();
  }

  /** Answers the oldest held read. */
  void release() {
    CompletableFuture<Void> gate;
    synchronized (this) {
      gate = held.remove(0);
    }
    gate.complete(null);
  }
}
