package io.github.synced;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record whose state is owned by a server and kept in sync by Synced.
 *
 * <p>At compile time the Synced processor generates, next to the annotated type {@code X}: {@code
 * XSync} (the entity description the runtime works through), {@code XSnapshot} (an immutable value
 * of the synced fields), {@code XField} (an enum of the synced fields) and {@code XPatch} (a typed
 * partial update). Every field that is not {@link LocalOnly}, static or transient is a
 * <em>synced</em> field: it is taken from the server on every confirm, refetch or push, it is
 * restored on rollback, and it is sent in patches. Exactly one field carries {@link SyncId}; one
 * field should carry {@link SyncVersion}, without which out-of-order server answers cannot be told
 * apart (the processor warns).
 *
 * <p>The generated code uses no reflection: it reads and writes fields directly, or through
 * JavaBean accessors where the fields are private, or through the canonical constructor for
 * records.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Synced {}
