package io.github.synced.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a {@link Query}'s answer, as a {@link PageReader} reads it: the entities the server
 * lists on it, in its order, and the token of the next page (a page number, a cursor, a URL), or
 * none on the last page.
 *
 * @param <E> the entity type
 */
public final class Page<E> {

  private final List<Reply<E>> items;
  private final String next;

  private Page(List<Reply<E>> items, String next) {
    this.items = items;
    this.next = next;
  }

  /** The last page (or the only one): {@code items} whole, with their versions. */
  public static <E> Page<E> last(List<? extends E> items) {
    return of(items, null);
  }

  /**
   * A page with whole entities and the token of the next page.
   *
   * @param next the next page's token, or {@code null} on the last page
   */
  public static <E> Page<E> of(List<? extends E> items, String next) {
    Objects.requireNonNull(items, "items");
    List<Reply<E>> replies = new ArrayList<>(items.size());
    for (E e : items) {
      replies.add(Reply.entity(e));
    }
    return new Page<>(Collections.unmodifiableList(replies), next);
  }

  /**
   * A page whose items may lack their versions ({@link Reply#withoutVersion}), as {@link
   * Remote#list()} gives them.
   *
   * @param next the next page's token, or {@code null} on the last page
   */
  public static <E> Page<E> ofReplies(List<Reply<E>> items, String next) {
    return new Page<>(List.copyOf(items), next);
  }

  /** The listed entities, in the server's order. */
  public List<Reply<E>> items() {
    return items;
  }

  /** The next page's token; empty on the last page. */
  public Optional<String> next() {
    return Optional.ofNullable(next);
  }

  @Override
  public String toString() {
    return "Page[" + items.size() + " items" + (next == null ? ", last]" : ", next=" + next + "]");
  }
}
