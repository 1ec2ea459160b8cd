package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A readable record of everything that happens in one store, in order: every mutation transition
 * ({@code #3 update SENDING → RETRYING}) and every change of the view with its cause ({@code
 * ROLLBACK title: "Buy oat milk" → "Buy milk"}), each with its time — what query devtools show as
 * mutation lanes. Attach it with {@link #attach}, read {@link #events()} or {@link #subscribe} to
 * hear each event as it is recorded.
 *
 * <p>The log keeps the latest {@code capacity} events; older ones are dropped. It is safe to use
 * from any thread; listeners run on the thread that delivers the store's events (the store's {@code
 * notifyOn} executor), in order.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public final class EventLog<K, E> {

  /**
   * One recorded event: a mutation's transition or a change of the view, never both.
   *
   * @param at when it happened, by the store's scheduler
   * @param transition the mutation step, or {@code null}
   * @param change the change of the view, or {@code null}
   * @param <K> the id type
   * @param <E> the entity type
   */
  public record Event<K, E>(Instant at, Transition<K, E> transition, Change<K, E> change) {

    /** Checks that exactly one of {@code transition} and {@code change} is given. */
    public Event {
      Objects.requireNonNull(at, "at");
      if ((transition == null) == (change == null)) {
        throw new IllegalArgumentException("an event is a transition or a change, not both");
      }
    }

    /** The entity's id at the time of the event. */
    public K id() {
      return transition != null ? transition.id() : change.id();
    }
  }

  private final SyncStore<K, E> store;
  private final int capacity;
  private final ArrayDeque<Event<K, E>> events = new ArrayDeque<>();
  private final List<Consumer<? super Event<K, E>>> listeners = new CopyOnWriteArrayList<>();
  private final Subscription changes;
  private final Subscription transitions;

  private EventLog(SyncStore<K, E> store, int capacity) {
    this.store = store;
    this.capacity = capacity;
    this.transitions = store.onTransition(t -> record(new Event<>(t.at(), t, null)));
    this.changes = store.subscribe(c -> record(new Event<>(c.at(), null, c)));
  }

  /** Starts recording the events of {@code store}, keeping the latest 10,000. */
  public static <K, E> EventLog<K, E> attach(SyncStore<K, E> store) {
    return attach(store, 10_000);
  }

  /** Starts recording the events of {@code store}, keeping the latest {@code capacity}. */
  public static <K, E> EventLog<K, E> attach(SyncStore<K, E> store, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    return new EventLog<>(Objects.requireNonNull(store, "store"), capacity);
  }

  /** The events recorded so far, oldest first. */
  public List<Event<K, E>> events() {
    synchronized (events) {
      return new ArrayList<>(events);
    }
  }

  /** Calls {@code listener} with every event recorded from now on, in order. */
  public Subscription subscribe(Consumer<? super Event<K, E>> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Stops recording; the events recorded so far stay readable. */
  public void detach() {
    changes.cancel();
    transitions.cancel();
  }

  /**
   * One line for {@code event}, with its time relative to {@code origin}, for example {@code
   * "+1.204s t1 #3 update SENDING → CONFIRMED"} or {@code "+1.204s t1 CONFIRM updatedAt: 7 → 9"}.
   */
  public String format(Event<K, E> event, Instant origin) {
    Duration d = Duration.between(origin, event.at());
    // getSeconds and getNano, not toSeconds and toMillisPart: Android's API 26 has only these
    String time = String.format("+%d.%03ds", d.getSeconds(), d.getNano() / 1_000_000);
    return String.format("%-9s %-6s %s", time, event.id(), describe(event));
  }

  /**
   * A picture of the events recorded so far, as a self-contained SVG document (no scripts, no
   * external resources; open it in a browser or embed it in HTML): one lane per entity, one bar per
   * mutation from the moment it was made to the moment it settled, coloured by how it ended
   * (confirmed, confirmed after a retry, confirmed after an unknown outcome, rolled back, not
   * settled yet), marks for rebases, conflicts, refetches and pushes and ids assigned by the
   * server, and every step as hover text. The time axis starts at the first recorded event.
   */
  public String timeline() {
    return timeline(null);
  }

  /**
   * As {@link #timeline()}, with the time axis and the hover text's times relative to {@code
   * origin}, as {@link #format} writes them; {@code null} for the first recorded event.
   */
  public String timeline(Instant origin) {
    List<Event<K, E>> recorded = events();
    Instant from = origin != null || recorded.isEmpty() ? origin : recorded.get(0).at();
    return new Timeline<>(store.type(), recorded, from, e -> format(e, from)).svg();
  }

  /** What happened, without time and id: a transition's step or a change's cause and fields. */
  public String describe(Event<K, E> event) {
    return event.transition() != null ? describe(event.transition()) : describe(event.change());
  }

  private String describe(Transition<K, E> t) {
    Mutation<K, E> m = t.mutation();
    StringBuilder s = new StringBuilder();
    s.append('#')
        .append(m.sequence())
        .append(' ')
        .append(m.kind().name().toLowerCase(java.util.Locale.ROOT));
    s.append(' ');
    if (t.from() != null) {
      s.append(t.from()).append(" → ");
    }
    s.append(t.to());
    if (t.reason() != null && !t.reason().isEmpty()) {
      s.append("  (").append(t.reason()).append(')');
    }
    if (t.error() != null) {
      s.append("  ").append(errorText(t.error()));
    }
    return s.toString();
  }

  private String describe(Change<K, E> c) {
    StringBuilder s = new StringBuilder(c.cause().name());
    if (c.mutation() != null) {
      s.append(" by #").append(c.mutation().sequence());
    }
    EntityType<K, E> type = store.type();
    E before = c.before();
    E after = c.after();
    if (before != null && after != null) {
      List<String> fields = new ArrayList<>();
      for (EntityField f : type.diff(before, after)) {
        fields.add(
            f.fieldName() + ": " + show(type.get(before, f)) + " → " + show(type.get(after, f)));
      }
      if (!fields.isEmpty()) {
        s.append("  ").append(String.join(", ", fields));
      } else if (c.cause() == Change.Cause.LOCAL_EDIT) {
        s.append("  ").append(after);
      }
    } else if (after != null) {
      s.append("  ").append(after);
    }
    if (c.error() != null) {
      s.append("  ").append(errorText(c.error()));
    }
    return s.toString();
  }

  private static String show(Object value) {
    return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
  }

  private static String errorText(Throwable error) {
    String message = error.getMessage();
    String what =
        error instanceof SyncFailure f
            ? f.kind() + (f.status() > 0 ? " " + f.status() : "")
            : error.getClass().getSimpleName();
    return "[" + what + (message == null ? "" : ": " + message) + "]";
  }

  private void record(Event<K, E> event) {
    synchronized (events) {
      if (events.size() == capacity) {
        events.removeFirst();
      }
      events.addLast(event);
    }
    for (Consumer<? super Event<K, E>> l : listeners) {
      try {
        l.accept(event);
      } catch (Throwable t) { // one failing subscriber never silences the others
        AfterLock.report(t);
      }
    }
  }
}
