package io.github.synced.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One read of a {@link Query} on its way: a refetch of {@link #pages} pages following the server's
 * fresh tokens, or the next page ({@link #more}). Each page goes into the store as it answers (a
 * page is server truth for its range); the query takes the list once the last one has, on the
 * notify executor after the changes the pages made. A token seen twice (a cursor loop) or more than
 * {@link QueryType.Builder#maxPages} pages fail the read.
 */
final class PageRun<P, K, E> {

  final boolean more;
  final long sentAt;
  final int pages;
  final CompletableFuture<Void> done = new CompletableFuture<>();

  /** The ids the pages listed, in order; written as pages answer, one at a time. */
  final List<K> ids = new ArrayList<>();

  /** The next-page tokens this query's list has been given, this read's included. */
  final Set<String> tokens;

  /** Pages answered so far. */
  int read;

  private final Core<K, E> core;
  private final QueryEngine<P, K, E> query;

  PageRun(
      Core<K, E> core,
      QueryEngine<P, K, E> query,
      boolean more,
      long sentAt,
      int pages,
      Set<String> tokens) {
    this.core = core;
    this.query = query;
    this.more = more;
    this.sentAt = sentAt;
    this.pages = pages;
    this.tokens = new HashSet<>(tokens);
  }

  /** Reads one page, outside any lock; {@code sentAt} is the store's epoch as it is sent. */
  void send(String token, long sentAt) {
    QueryType<P, E> type = query.type();
    Stages.call(() -> type.reader().read(query.params(), token), "the reader of " + query)
        .whenComplete(
            (page, failure) -> {
              try {
                if (failure != null) {
                  throw SyncFailure.of(Stages.unwrap(failure), query + " failed");
                }
                if (page == null) {
                  throw SyncFailure.userCode("the reader of " + query + " answered null", null);
                }
                take(token, page, sentAt);
              } catch (RuntimeException | Error e) {
                query.failed(this, e);
              }
            });
  }

  /** Takes one page into the store; the last one also into the query. */
  private void take(String token, Page<E> page, long sentAt) {
    String after = page.next().orElse(null);
    read++;
    if (after != null && (after.equals(token) || tokens.contains(after))) {
      throw query.bad(
          "page " + read + " gives next page \"" + after + "\", which it has read already");
    }
    if (after != null) {
      tokens.add(after);
    }
    boolean last = after == null || more || read >= pages; // pages ≤ maxPages: loadMore stops
    core.run(
        () -> {
          ids.addAll(core.intake.takePage(page.items(), sentAt));
          if (last) {
            Map<K, E> views = new HashMap<>();
            for (K id : ids) {
              Journal<K, E> j = core.entities.real(id);
              views.put(id, j == null || j.view == null ? null : core.type.copy(j.view));
            }
            Map<K, Set<Mutation<K, E>>> pending = new HashMap<>();
            for (Mutation<K, E> m : core.unsettled()) {
              pending.computeIfAbsent(m.id(), k -> new HashSet<>()).add(m);
            }
            if (query.type().matches() != null) {
              for (K id : pending.keySet()) { // a mutation made before the query heard it may
                if (!views.containsKey(id)) { // move its entity in
                  Journal<K, E> j = core.entities.find(id);
                  views.put(id, j == null || j.view == null ? null : core.type.copy(j.view));
                }
              }
            }
            Runnable finish = () -> query.finish(this, views, pending, after);
            core.afterLock.stage(() -> core.listeners.executor().execute(finish));
          }
        });
    if (!last) {
      send(after, core.op(() -> ++core.epoch));
    }
  }
}
