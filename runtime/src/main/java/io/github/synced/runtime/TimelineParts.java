package io.github.synced.runtime;

import io.github.synced.runtime.EventLog.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link Timeline} draws: lanes, bars and marks, how a mutation ended and what a mark stands
 * for, with their colours.
 */
final class TimelineParts {

  private TimelineParts() {}

  /** How a mutation ended, and the colour of its bar. */
  enum Outcome {
    CONFIRMED("confirmed", "#2e7d32", "confirmed"),
    RETRIED("retried", "#f9a825", "confirmed after a retry"),
    UNKNOWN_RESOLVED("unknown-resolved", "#6a1b9a", "confirmed after an unknown outcome"),
    ROLLED_BACK("rolled-back", "#c62828", "rolled back"),
    UNSETTLED("unsettled", "#9e9e9e", "not settled yet");

    /** The bar's class besides {@code bar}. */
    final String cssClass;

    /** The bar's fill. */
    final String colour;

    /** What the legend and the hover text say. */
    final String label;

    Outcome(String cssClass, String colour, String label) {
      this.cssClass = cssClass;
      this.colour = colour;
      this.label = label;
    }
  }

  /** What a mark on a lane stands for, and its colour. */
  enum Mark {
    REBASE("rebase", "#1565c0", "rebase"),
    CONFLICT("conflict", "#ef6c00", "conflict"),
    EXTERNAL("external", "#455a64", "refetch or push"),
    REKEY("rekey", "#00838f", "id from the server");

    /** The mark's class besides {@code mark}. */
    final String cssClass;

    /** The mark's fill. */
    final String colour;

    /** What the legend says. */
    final String label;

    Mark(String cssClass, String colour, String label) {
      this.cssClass = cssClass;
      this.colour = colour;
      this.label = label;
    }
  }

  /** One entity's lane: its bars, stacked in rows where they overlap, and its marks. */
  static final class Lane<K, E> {
    final K id;
    final Set<K> formerIds = new LinkedHashSet<>();
    final List<Bar<K, E>> bars = new ArrayList<>();
    final List<Marked<K, E>> marks = new ArrayList<>();
    int index;
    int rows = 1;
    double top;

    Lane(K id) {
      this.id = id;
    }
  }

  /** One mutation's bar: from its first recorded step to the step that settled it. */
  static final class Bar<K, E> {
    final Mutation<K, E> mutation;
    final Instant made;
    final List<Event<K, E>> steps = new ArrayList<>();
    Instant end;
    MutationState last;
    boolean retried;
    boolean unknown;
    int row;
    double x0;
    double x1;

    Bar(Mutation<K, E> mutation, Instant made) {
      this.mutation = mutation;
      this.made = made;
    }

    Outcome outcome() {
      return Timeline.outcome(last, retried, unknown);
    }
  }

  /** A mark on a lane and the event behind it. */
  record Marked<K, E>(Mark mark, Event<K, E> event) {}
}
