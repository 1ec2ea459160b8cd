package io.github.synced.runtime.http;

import io.github.synced.runtime.Reply;
import io.github.synced.runtime.spi.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The list items of {@link HttpRemote#fetchAll()} with their versions: each item that came without
 * its version is fetched, {@value HttpRemote#FETCHES_AT_ONCE} at a time, and one gone by then is
 * left out.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
final class VersionFetches<K, E> {

  private final EntityType<?, E> type;
  private final Function<K, CompletionStage<Optional<E>>> fetch;

  VersionFetches(EntityType<?, E> type, Function<K, CompletionStage<Optional<E>>> fetch) {
    this.type = type;
    this.fetch = fetch;
  }

  CompletableFuture<List<E>> withVersions(List<Reply<E>> items) {
    List<CompletableFuture<Optional<E>>> each = new ArrayList<>(items.size());
    CompletableFuture<Void> before = CompletableFuture.completedFuture(null);
    for (int i = 0; i < items.size(); i += HttpRemote.FETCHES_AT_ONCE) {
      List<CompletableFuture<Optional<E>>> batch = new ArrayList<>();
      for (Reply<E> r : items.subList(i, Math.min(items.size(), i + HttpRemote.FETCHES_AT_ONCE))) {
        E e = r.entity().orElseThrow();
        CompletableFuture<Optional<E>> one =
            r.versionKnown()
                ? before.thenApply(ignored -> Optional.of(e))
                : before.thenCompose(ignored -> fetch.apply(idOf(e)).toCompletableFuture());
        batch.add(one);
      }
      each.addAll(batch);
      before = CompletableFuture.allOf(batch.toArray(new CompletableFuture<?>[0]));
    }
    return before.thenApply(
        done -> {
          List<E> all = new ArrayList<>(each.size());
          for (CompletableFuture<Optional<E>> f : each) {
            f.join().ifPresent(all::add);
          }
          return all;
        });
  }

  @SuppressWarnings("unchecked") // the codec's entity type is the remote's: its ids are K
  private K idOf(E entity) {
    return (K) type.id(entity);
  }
}
