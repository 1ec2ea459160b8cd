package io.github.synced.benchmarks.baseline;

import io.github.synced.benchmarks.model.Item;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The seed's approach, the simple form of TanStack Query's {@code onMutate} rollback: before each
 * optimistic mutation copy the whole collection so that a failure can put it back; apply the
 * change; send; on success merge the server's answer, on failure restore the copy. Correct for one
 * mutation at a time (and wrong with two in flight, which is why Synced exists), but every mutation
 * costs O(store size).
 */
public final class SnapshotStore {

  private Map<String, Item> items = new HashMap<>();
  private final UnaryOperator<Item> server;

  /**
   * A store whose server answers at once.
   *
   * @param server takes the state the client sends and returns the server's answer
   */
  public SnapshotStore(UnaryOperator<Item> server) {
    this.server = server;
  }

  /** Takes server states into the store. */
  public void load(Collection<Item> states) {
    for (Item s : states) {
      items.put(s.getId(), HandItem.copy(s));
    }
  }

  /** Applies {@code patch} optimistically, sends it, and merges the answer or rolls back. */
  public Item update(String id, HandItemPatch patch) {
    Map<String, Item> previous = snapshot(); // onMutate: keep everything for a rollback
    Item current = items.get(id);
    patch.applyTo(current); // the optimistic effect
    Item answer;
    try {
      answer = server.apply(HandItem.copy(current));
    } catch (RuntimeException e) {
      items = previous; // onError: put the whole store back
      throw e;
    }
    return HandItem.merge(current, answer); // onSuccess: take the server's answer
  }

  /** A copy of the entity as the store shows it. */
  public Item get(String id) {
    return HandItem.copy(items.get(id));
  }

  /** How many entities it holds. */
  public int size() {
    return items.size();
  }

  private Map<String, Item> snapshot() {
    Map<String, Item> copy = new HashMap<>(items.size() * 4 / 3 + 1);
    for (Map.Entry<String, Item> e : items.entrySet()) {
      copy.put(e.getKey(), HandItem.copy(e.getValue()));
    }
    return copy;
  }
}
