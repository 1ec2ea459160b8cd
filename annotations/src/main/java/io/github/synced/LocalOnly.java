package io.github.synced;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks client-only state of a {@link Synced} entity, such as {@code expanded} or {@code selected}.
 *
 * <p>Guarantee: a local-only value is never sent to the server, never part of a snapshot or patch,
 * and never overwritten by any server path (confirm, rollback, refetch, push, rebase). It changes
 * only when user code changes it. It may not be placed on the {@link SyncId} or {@link SyncVersion}
 * field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface LocalOnly {}
