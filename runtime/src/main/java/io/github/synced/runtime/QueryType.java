package io.github.synced.runtime;

import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * A kind of server read, parameterized by {@code P}: how to read it ({@link PageReader}), how long
 * an answer stays fresh, how often to read again, and where an entity the server has not listed yet
 * shows in its lists. A store makes one {@link Query} per type and equal parameters ({@link
 * SyncStore#query}); the type's identity is part of that key, so keep one instance per kind of
 * read, for example in a constant.
 *
 * <pre>{@code
 * record ByDone(boolean done) {}
 * static final QueryType<ByDone, Task> BY_DONE =
 *     QueryType.builder("tasks by done", remote.pages(p -> Map.of("done", p.done())))
 *         .matches((p, task) -> task.isDone() == p.done())
 *         .order(Comparator.comparing(Task::getTitle))
 *         .staleAfter(Duration.ofSeconds(30))
 *         .build();
 * }</pre>
 *
 * @param <P> the parameters: a record or another value with {@code equals} and {@code hashCode}
 * @param <E> the entity type
 */
public final class QueryType<P, E> {

  private final String name;
  private final PageReader<P, E> reader;
  private final BiPredicate<? super P, ? super E> matches;
  private final Comparator<? super E> order;
  private final boolean createsAtTop;
  private final Duration staleAfter;
  private final Duration refetchEvery;
  private final int maxPages;

  private QueryType(Builder<P, E> b) {
    this.name = b.name;
    this.reader = b.reader;
    this.matches = b.matches;
    this.order = b.order;
    this.createsAtTop = b.createsAtTop;
    this.staleAfter = b.staleAfter;
    this.refetchEvery = b.refetchEvery;
    this.maxPages = b.maxPages;
  }

  /**
   * Starts a query type.
   *
   * @param name what errors, logs and {@code toString} call it
   * @param reader reads one page for given parameters
   */
  public static <P, E> Builder<P, E> builder(String name, PageReader<P, E> reader) {
    return new Builder<>(name, reader);
  }

  /** What errors and logs call it. */
  public String name() {
    return name;
  }

  PageReader<P, E> reader() {
    return reader;
  }

  BiPredicate<? super P, ? super E> matches() {
    return matches;
  }

  Comparator<? super E> order() {
    return order;
  }

  boolean createsAtTop() {
    return createsAtTop;
  }

  Duration staleAfter() {
    return staleAfter;
  }

  Duration refetchEvery() {
    return refetchEvery;
  }

  int maxPages() {
    return maxPages;
  }

  @Override
  public String toString() {
    return "QueryType[" + name + "]";
  }

  /**
   * Builds a {@link QueryType}.
   *
   * @param <P> the parameters
   * @param <E> the entity type
   */
  public static final class Builder<P, E> {
    private final String name;
    private final PageReader<P, E> reader;
    private BiPredicate<? super P, ? super E> matches;
    private Comparator<? super E> order;
    private boolean createsAtTop;
    private Duration staleAfter = Duration.ZERO;
    private Duration refetchEvery;
    private int maxPages = 1000;

    private Builder(String name, PageReader<P, E> reader) {
      this.name = Objects.requireNonNull(name, "name");
      this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * The server's filter, as the client can evaluate it: whether an entity belongs in the query
     * with given parameters. With it, a mutation that makes an entity match or stop matching moves
     * it into or out of the query's list at once (a create that matches appears), and a rollback
     * moves it back; the server's list decides again once a read sent after the mutation settled
     * has answered. Without it, only the server's lists decide membership (deletes aside, which
     * leave every list at once). It runs on the notify executor: keep it quick and pure.
     */
    public Builder<P, E> matches(BiPredicate<? super P, ? super E> matches) {
      this.matches = Objects.requireNonNull(matches, "matches");
      return this;
    }

    /**
     * Where an entity the client moved in (see {@link #matches}) shows among the listed ones:
     * before the first listed entity that the order puts after it, as the server would sort it.
     * Without an order it shows at the top.
     */
    public Builder<P, E> order(Comparator<? super E> order) {
      this.order = Objects.requireNonNull(order, "order");
      return this;
    }

    /**
     * For queries without {@link #matches}: every entity created in the store shows at the top of
     * the query's list until a read sent after its create confirmed answers (and then shows only if
     * that read lists it).
     */
    public Builder<P, E> createsAtTop() {
      this.createsAtTop = true;
      return this;
    }

    /**
     * How long an answer counts as fresh. A query that is stale (or never read) is read again when
     * someone subscribes to it; {@link QueryState#stale()} says so. Default: zero, every answer is
     * stale at once (as in TanStack Query).
     */
    public Builder<P, E> staleAfter(Duration staleAfter) {
      if (staleAfter.isNegative()) {
        throw new IllegalArgumentException("staleAfter must not be negative, was " + staleAfter);
      }
      this.staleAfter = staleAfter;
      return this;
    }

    /**
     * Reads every query of this type again on this interval, on the store's {@link Scheduler},
     * while it has subscribers; paused while none does. Default: never.
     */
    public Builder<P, E> refetchEvery(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("refetchEvery must be positive, was " + interval);
      }
      this.refetchEvery = interval;
      return this;
    }

    /**
     * The most pages one read follows before it fails (a server whose next page never ends).
     * Default: 1,000.
     */
    public Builder<P, E> maxPages(int maxPages) {
      if (maxPages < 1) {
        throw new IllegalArgumentException("maxPages must be at least 1, was " + maxPages);
      }
      this.maxPages = maxPages;
      return this;
    }

    public QueryType<P, E> build() {
      if (createsAtTop && matches != null) {
        throw new IllegalStateException(
            "query type '"
                + name
                + "': createsAtTop() is for queries without matches(..); with matches(..) a create"
                + " shows where the order puts it");
      }
      return new QueryType<>(this);
    }
  }
}
