package io.github.synced;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the server's version of a {@link Synced} entity (a revision number or an {@code updatedAt}
 * timestamp). At most one per entity; its type must be ordered: a primitive number, a boxed number,
 * or any {@link Comparable} type such as {@link java.time.Instant}.
 *
 * <p>Guarantee: server state older than the state the store already confirmed never replaces it,
 * whether it arrives as a late response, a slow refetch or a push. Without a version field, arrival
 * order decides and the processor warns at compile time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface SyncVersion {}
