package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.FieldSet;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The synced fields of {@link Project}, in declaration order: the id, the version and every
 * other field except the local-only ones. A field's ordinal is its bit in a set of fields
 * ({@link FieldSet}).
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public enum ProjectField implements EntityField {
  /**
   * The id, {@code id}.
   */
  ID("id"),

  /**
   * {@code name}.
   */
  NAME("name"),

  /**
   * {@code subtasks}.
   */
  SUBTASKS("subtasks"),

  /**
   * {@code columns}.
   */
  COLUMNS("columns"),

  /**
   * The version, {@code version}.
   */
  VERSION("version");

  /**
   * The field's Java name.
   */
  private final String fieldName;

  /**
   * The constant of the field named {@code fieldName}.
   *
   * @param fieldName the field's Java name
   */
  ProjectField(String fieldName) {
    this.fieldName = fieldName;
  }

  /**
   * The field's Java name as written in {@link Project}.
   */
  @Override
  public String fieldName() {
    return fieldName;
  }

  /**
   * {@code field} as one of Project's fields.
   *
   * @param field a field of any entity type
   * @return the constant that is {@code field}
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Project}
   */
  public static ProjectField of(EntityField field) {
    if (field instanceof ProjectField known) {
      return known;
    }
    Objects.requireNonNull(field, "field");
    throw new IllegalArgumentException(
        "'" + field.fieldName() + "' of " + field.getClass().getSimpleName()
        + " is not a synced field of Project");
  }
}
