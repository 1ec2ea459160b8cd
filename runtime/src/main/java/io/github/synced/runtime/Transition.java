package io.github.synced.runtime;

import java.time.Instant;

/**
 * One step of a mutation's life, for an event log or a timeline.
 *
 * @param at when it happened, by the store's {@link Scheduler}
 * @param id the entity's id at that moment
 * @param mutation the mutation
 * @param from the state it left, or {@code null} when the mutation was made
 * @param to the state it entered
 * @param reason a short human-readable reason, for example {@code "retry in 400 ms"}
 * @param error the failure behind the step, or {@code null}
 * @param <K> the id type
 * @param <E> the entity type
 */
public record Transition<K, E>(
    Instant at,
    K id,
    Mutation<K, E> mutation,
    MutationState from,
    MutationState to,
    String reason,
    SyncFailure error) {}
