package io.github.synced.runtime;

import io.github.synced.runtime.EventLog.Event;
import io.github.synced.runtime.TimelineParts.Bar;
import io.github.synced.runtime.TimelineParts.Lane;
import io.github.synced.runtime.TimelineParts.Mark;
import io.github.synced.runtime.TimelineParts.Marked;
import io.github.synced.runtime.TimelineParts.Outcome;
import io.github.synced.runtime.spi.EntityType;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Draws the events of an {@link EventLog} as one self-contained SVG document, the picture query
 * devtools show: a lane per entity, a bar per mutation from the moment it was made to the moment it
 * settled, coloured by how it ended, marks for what came from elsewhere (rebases, conflicts,
 * refetches and pushes, ids assigned by the server), and hover text ({@code <title>}) with every
 * step. The XML is written by hand, with nothing but the JDK, and every text from the store (ids,
 * values, error messages) is escaped.
 *
 * <p>An entity created under a temporary id keeps one lane after the server assigned the real one.
 * Events dropped from a full log are simply not drawn: a mutation whose start was dropped begins at
 * its first recorded step.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
final class Timeline<K, E> {

  private final EntityType<K, E> type;
  private final List<Event<K, E>> events;
  private final Function<? super Event<K, E>, String> line;
  private final Instant start;
  private final Instant end;
  private final Map<K, K> renamed = new HashMap<>();
  private final Map<K, Lane<K, E>> lanes = new LinkedHashMap<>();
  private final Map<Long, Bar<K, E>> bars = new LinkedHashMap<>();

  /**
   * A timeline of {@code events}, in the order recorded.
   *
   * @param type the store's entity type, to read ids
   * @param events the events, oldest first
   * @param origin where the time axis starts, or {@code null} for the first event
   * @param line one line of hover text per event
   */
  Timeline(
      EntityType<K, E> type,
      List<Event<K, E>> events,
      Instant origin,
      Function<? super Event<K, E>, String> line) {
    this.type = type;
    this.events = events;
    this.line = line;
    Instant first = origin;
    Instant last = origin;
    for (Event<K, E> e : events) {
      first = first == null || e.at().isBefore(first) ? e.at() : first;
      last = last == null || e.at().isAfter(last) ? e.at() : last;
    }
    this.start = first == null ? Instant.EPOCH : first;
    this.end = last == null ? this.start : last;
    collectRenames();
    collect();
  }

  // ---- reading the events

  /** Temporary ids the server replaced, so that a created entity keeps one lane. */
  private void collectRenames() {
    Map<Long, K> madeAs = new HashMap<>();
    for (Event<K, E> e : events) {
      Transition<K, E> t = e.transition();
      if (t != null) {
        madeAs.putIfAbsent(t.mutation().sequence(), t.id());
        continue;
      }
      Change<K, E> c = e.change();
      if (c.cause() != Change.Cause.ID_REASSIGNED) {
        continue;
      }
      E before = c.before();
      K old =
          before != null
              ? type.id(before)
              : c.mutation() == null ? null : madeAs.get(c.mutation().sequence());
      if (old != null && !old.equals(c.id())) {
        renamed.put(old, c.id());
      }
    }
  }

  /** The id an entity ended up with. */
  private K lastId(K id) {
    K current = id;
    Set<K> seen = new HashSet<>();
    while (renamed.containsKey(current) && seen.add(current)) {
      current = renamed.get(current);
    }
    return current;
  }

  private Lane<K, E> lane(K id) {
    return lanes.computeIfAbsent(lastId(id), Lane::new);
  }

  private void collect() {
    for (Event<K, E> e : events) {
      Transition<K, E> t = e.transition();
      if (t != null) {
        Lane<K, E> lane = lane(t.id());
        Bar<K, E> bar =
            bars.computeIfAbsent(
                t.mutation().sequence(),
                seq -> {
                  Bar<K, E> b = new Bar<>(t.mutation(), e.at());
                  lane.bars.add(b);
                  return b;
                });
        bar.steps.add(e);
        bar.last = t.to();
        if (t.to() == MutationState.RETRYING) {
          bar.retried = true;
        } else if (t.to() == MutationState.OUTCOME_UNKNOWN) {
          bar.unknown = true;
        }
        if (t.to().isSettled()) {
          bar.end = e.at();
        }
        if (t.error() != null && t.error().kind() == SyncFailure.Kind.CONFLICT) {
          lane.marks.add(new Marked<>(Mark.CONFLICT, e));
        }
        continue;
      }
      Change<K, E> c = e.change();
      Lane<K, E> lane = lane(c.id());
      if (c.mutation() != null) {
        Bar<K, E> bar = bars.get(c.mutation().sequence());
        if (bar != null) {
          bar.steps.add(e);
        }
      }
      switch (c.cause()) {
        case REBASE -> lane.marks.add(new Marked<>(Mark.REBASE, e));
        case EXTERNAL_UPDATE -> lane.marks.add(new Marked<>(Mark.EXTERNAL, e));
        case ID_REASSIGNED -> lane.marks.add(new Marked<>(Mark.REKEY, e));
        default -> {}
      }
    }
    for (Map.Entry<K, K> r : renamed.entrySet()) {
      Lane<K, E> lane = lanes.get(lastId(r.getValue()));
      if (lane != null) {
        lane.formerIds.add(r.getKey());
      }
    }
  }

  /** How the mutation behind {@code bar} ended, as far as the log shows. */
  static Outcome outcome(MutationState last, boolean retried, boolean unknown) {
    if (last == MutationState.ROLLED_BACK) {
      return Outcome.ROLLED_BACK;
    }
    if (last != MutationState.CONFIRMED) {
      return Outcome.UNSETTLED;
    }
    return unknown ? Outcome.UNKNOWN_RESOLVED : retried ? Outcome.RETRIED : Outcome.CONFIRMED;
  }

  /** The picture, as an SVG document. */
  String svg() {
    return new TimelineDrawing<>(type.name(), events.size(), start, end, lanes, bars, line).svg();
  }
}
