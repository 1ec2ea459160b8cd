package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a {@link SyncStore} shows of its entities: copies of the derived views, the pending
 * mutations' handles, which fields they set, and entity subscriptions. Each read takes the lock
 * briefly and hands out only what the caller owns.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
final class Views<K, E> {

  private final Core<K, E> core;

  Views(Core<K, E> core) {
    this.core = core;
  }

  /** A copy of the visible entity; empty if unknown or hidden by a pending delete. */
  Optional<E> get(K id) {
    return core.read(
        () -> {
          Journal<K, E> j = core.entities.find(id);
          return j == null || j.view == null
              ? Optional.empty()
              : Optional.of(core.type.copy(j.view));
        });
  }

  /** Copies of every visible entity, in insertion order or the store's order. */
  List<E> all() {
    List<E> views =
        core.read(
            () -> {
              List<E> all = new ArrayList<>(core.entities.size());
              for (Journal<K, E> j : core.entities) {
                if (j.view != null) {
                  all.add(core.type.copy(j.view));
                }
              }
              return all;
            });
    if (core.order != null) {
      views.sort(core.order);
    }
    return views;
  }

  /** The unsettled mutations of one entity, oldest first. */
  List<Mutation<K, E>> pending(K id) {
    return core.read(
        () -> {
          Journal<K, E> j = core.entities.find(id);
          List<Mutation<K, E>> out = new ArrayList<>();
          if (j != null) {
            j.layers().forEach(l -> out.add(l.handle));
          }
          return out;
        });
  }

  /** Every unsettled mutation, oldest first. */
  List<Mutation<K, E>> pending() {
    return core.read(core::unsettled);
  }

  /** The pending synced fields of one entity and the mutations that set them. */
  Map<EntityField, List<Mutation<K, E>>> pendingFields(K id) {
    return core.read(
        () -> {
          Map<EntityField, List<Mutation<K, E>>> byField = new LinkedHashMap<>();
          Journal<K, E> j = core.entities.find(id);
          if (j == null || !j.hasLayers()) {
            return byField;
          }
          List<Set<? extends EntityField>> fieldsOf = new ArrayList<>(j.layers.size());
          for (Layer<K, E> l : j.layers) {
            fieldsOf.add(l.fields(core.type));
          }
          for (EntityField f : core.type.fields()) {
            for (int i = 0; i < fieldsOf.size(); i++) {
              if (fieldsOf.get(i).contains(f)) {
                byField.computeIfAbsent(f, x -> new ArrayList<>()).add(j.layers.get(i).handle);
              }
            }
          }
          byField.replaceAll((f, ms) -> List.copyOf(ms));
          return byField;
        });
  }

  /** An entity subscription that follows the entity to its real id. */
  Subscription subscribe(K id, Consumer<? super Change<K, E>> listener) {
    Objects.requireNonNull(listener, "listener");
    Listeners.Listener<Change<K, E>> l =
        core.read(
            () -> {
              Journal<K, E> j = core.entities.find(id);
              return core.listeners.onChange(j == null ? id : j.id, listener);
            });
    return () ->
        core.read(
            () -> {
              core.listeners.cancel(core.entities.current(id), l);
              return null;
            });
  }
}
