package io.github.synced;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the identity of a {@link Synced} entity: the key under which the store keeps it and the
 * server knows it. Exactly one per entity, on an instance field, a record component, or the getter
 * of a JavaBean entity.
 *
 * <p>Guarantee: the store never mixes two entities with different ids; a server answer whose id
 * does not match the entity it answers for is refused with an error naming both ids, and the store
 * is left unchanged.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface SyncId {}
