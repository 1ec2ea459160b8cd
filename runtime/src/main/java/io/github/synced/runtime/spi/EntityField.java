package io.github.synced.runtime.spi;

/**
 * A synced field of an entity type. The processor generates one enum per {@code @Synced} type
 * ({@code TaskField} for {@code Task}) that implements this interface; its constants are listed in
 * declaration order and name exactly the synced fields (id and version included, local-only fields
 * never).
 */
public interface EntityField {

  /** The field's Java name as written in the entity, for example {@code updatedAt}. */
  String fieldName();
}
