package io.github.synced.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The user's server API for one entity collection, as the store sees it. Implement it over your own
 * client, or use the JSON/HTTP adapter in {@code io.github.synced.runtime.http}.
 *
 * <p>Failures are reported by completing the stage exceptionally with a {@link SyncFailure} that
 * says how the store must treat them (rejected, transient, outcome unknown, conflict); any other
 * exception is treated as an outcome-unknown failure when it happens after the write may have
 * reached the server.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public interface Remote<K, E> {

  /** Sends one write and completes with the server's answer. */
  CompletionStage<Reply<E>> send(Write<K, E> write);

  /** The server's current state of one entity; empty if the server does not have it. */
  CompletionStage<Optional<E>> fetch(K id);

  /**
   * Whether the server applies a write at most once per idempotency key, answering a repeat as it
   * answered the first (the IETF Idempotency-Key draft, Stripe). When it does not (Spring Data REST
   * ignores the header), the store never resends a write whose outcome is unknown: it reads the
   * server's state instead. Default: true.
   */
  default boolean deduplicatesByKey() {
    return true;
  }

  /** The server's current state of the whole collection. */
  CompletionStage<List<E>> fetchAll();

  /**
   * The collection as the server lists it, item by item: {@link Reply#entity} for a whole entity,
   * {@link Reply#withoutVersion} for one the list gives without its version. What {@link
   * SyncStore#refetch()} reads. Default: {@link #fetchAll()}, every item whole.
   */
  default CompletionStage<List<Reply<E>>> list() {
    return fetchAll()
        .thenApply(
            all -> {
              if (all == null) {
                return null;
              }
              List<Reply<E>> items = new ArrayList<>(all.size());
              for (E e : all) {
                items.add(Reply.entity(e));
              }
              return items;
            });
  }
}
