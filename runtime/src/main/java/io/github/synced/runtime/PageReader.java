package io.github.synced.runtime;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Reads one page of a query from the server: the user's API, or {@link
 * io.github.synced.runtime.http.HttpRemote#pages}. Failures are reported as for {@link Remote}: a
 * stage completed exceptionally, with a {@link SyncFailure} where the kind matters.
 *
 * @param <P> the query's parameters
 * @param <E> the entity type
 */
@FunctionalInterface
public interface PageReader<P, E> {

  /**
   * Reads one page.
   *
   * @param params the query's parameters
   * @param page the token a previous page gave as its {@link Page#next()}, or {@code null} for the
   *     first page
   */
  CompletionStage<Page<E>> read(P params, String page);

  /** A reader of queries that are not paged: {@code read} answers the whole list at once. */
  static <P, E> PageReader<P, E> whole(
      Function<? super P, ? extends CompletionStage<? extends List<? extends E>>> read) {
    return (params, page) -> read.apply(params).thenApply(items -> Page.<E>last(items));
  }
}
