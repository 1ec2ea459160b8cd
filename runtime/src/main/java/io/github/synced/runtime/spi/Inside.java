package io.github.synced.runtime.spi;

import java.util.List;

/**
 * A change made inside a field's value rather than a new value for it: elements of a collection of
 * {@code @Synced} elements updated, added or removed by id, or fields of a nested {@code @Synced}
 * object set. A {@link Patch} that holds one for a field ({@link Patch#inside}) has an effect
 * relative to whatever value the field has when it is applied, so it keeps that effect when the
 * value changes under it (a refetch, another writer's change); the store sends the value it gives
 * on the base each send is made on. Generated patches make them; the runtime asks them the
 * questions below.
 *
 * @param <V> the field's type
 */
public interface Inside<V> {

  /**
   * Why this change cannot be made on {@code value}, the value the user sees as they make it (an
   * element to update or remove that is not there, an element to add whose id is already there);
   * {@code null} if it can. Applied later on another value, such a part of the change does nothing.
   */
  String refusal(V value);

  /**
   * This change as made on {@code value}, the value the user sees as they make it: bound to what it
   * addresses there where that is not its id already (a nested object's fields: the object with
   * that id, so that the change does nothing to another object the field comes to hold). The
   * default is this change itself.
   */
  default Inside<V> boundTo(V value) {
    return this;
  }

  /**
   * This change with the local-only values of what it adds taken from {@code view} where it holds
   * them (the user changed an added element's {@code expanded} since), so that they come back with
   * the element if a later change that hid it goes. The default is this change itself.
   */
  default Inside<V> withLocalOnlyOf(V view) {
    return this;
  }

  /**
   * Where this change and another writer's overlap: the places it changes that {@code theirs}
   * changed from {@code base} to something else, as paths relative to the field, such as {@code
   * [s1].title}, {@code [s1]} (an element we change that they removed, or changed and we remove) or
   * {@code .name} (a nested object's field). Empty if the two merge without a question.
   *
   * @param base the field's value the change was sent against
   * @param theirs the field's value on the server now
   */
  List<String> conflicts(V base, V theirs);

  /**
   * This change without the parts that {@link #conflicts} names, so that the server's values win
   * there; {@code null} if nothing is left.
   */
  Inside<V> withoutConflicts(V base, V theirs);

  /**
   * This change with the parts {@link #conflicts} names decided by {@code resolved}, a conflict
   * resolver's value of the field: each place where the two changes meet takes the resolver's value
   * (an element as the resolver has it, or gone where it has none), the rest stays ours and
   * relative; {@code null} if nothing is left. The default is {@link #withoutConflicts}.
   */
  default Inside<V> resolvedBy(V base, V theirs, V resolved) {
    return withoutConflicts(base, theirs);
  }
}
