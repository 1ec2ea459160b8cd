package io.github.synced.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What a store does with the fields of a mutation that the server changed too, when the server
 * refuses the write as a conflict. Fields the mutation did not touch always take the server's
 * values and the mutation is resent on top of them; this policy decides only the overlap. A
 * mutation made with an updater function is re-run on the server's state and resent, whatever the
 * policy: its effect is relative to the state it runs on ("increment").
 *
 * @param <E> the entity type
 */
public final class ConflictPolicy<E> {

  /** Decides the overlapping fields of a conflict from the three states. */
  @FunctionalInterface
  public interface Resolver<E> {
    /**
     * The state to take the overlapping fields from. Arguments are copies the resolver may change.
     *
     * @param base the server state the mutation was sent against
     * @param mine {@code base} with the mutation applied
     * @param theirs the server's latest state
     */
    E resolve(E base, E mine, E theirs);
  }

  /**
   * Decides the overlapping fields of a conflict from the three states, told where they overlap.
   *
   * @param <E> the entity type
   */
  @FunctionalInterface
  public interface PathResolver<E> {
    /**
     * The state to take the overlapping fields from. Arguments are copies the resolver may change.
     * Where the mutation changed elements of a collection by id, or fields of a nested object, a
     * field counts as overlapping only where their change and ours meet inside it, and the
     * resolver's whole value of that field is sent.
     *
     * @param base the server state the mutation was sent against
     * @param mine {@code base} with the mutation applied
     * @param theirs the server's latest state
     * @param paths where both changed {@code base}, in field order: a field ({@code title}), a
     *     field of an element of a collection, by the element's id ({@code subtasks[s1].title}), an
     *     element as a whole ({@code subtasks[s1]}: one side removed it, the other changed it), the
     *     same for an entry of a map, by its key ({@code columns[todo].title}, {@code
     *     columns[todo]}: also where the key came to hold another element), or a field of a nested
     *     object ({@code owner.name})
     */
    E resolve(E base, E mine, E theirs, List<String> paths);
  }

  enum Rule {
    SERVER_WINS,
    CLIENT_WINS,
    RESOLVER
  }

  private final Rule rule;
  private final PathResolver<E> resolver;

  private ConflictPolicy(Rule rule, PathResolver<E> resolver) {
    this.rule = rule;
    this.resolver = resolver;
  }

  /**
   * The default: overlapping fields are dropped from the mutation and keep the server's values; a
   * mutation left with no field settles (confirmed if the server already had its values, rolled
   * back otherwise); a conflicting delete is rolled back.
   */
  public static <E> ConflictPolicy<E> serverWins() {
    return new ConflictPolicy<>(Rule.SERVER_WINS, null);
  }

  /** The mutation is resent unchanged on top of the server's latest state and version. */
  public static <E> ConflictPolicy<E> clientWins() {
    return new ConflictPolicy<>(Rule.CLIENT_WINS, null);
  }

  /**
   * Overlapping fields take the resolver's values; those equal to the server's leave the mutation.
   * A conflicting delete is resent.
   */
  public static <E> ConflictPolicy<E> resolveWith(Resolver<E> resolver) {
    Objects.requireNonNull(resolver, "resolver");
    return new ConflictPolicy<>(
        Rule.RESOLVER, (base, mine, theirs, paths) -> resolver.resolve(base, mine, theirs));
  }

  /**
   * As {@link #resolveWith(Resolver)}, with the resolver told where the two changes overlap, down
   * to an element's field ({@code subtasks[s1].title}).
   */
  public static <E> ConflictPolicy<E> resolveWithPaths(PathResolver<E> resolver) {
    return new ConflictPolicy<>(Rule.RESOLVER, Objects.requireNonNull(resolver, "resolver"));
  }

  Rule rule() {
    return rule;
  }

  PathResolver<E> resolver() {
    return resolver;
  }

  @Override
  public String toString() {
    return "ConflictPolicy." + rule;
  }
}
