package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.FieldSet;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The synced fields of {@link Note}, in declaration order: the id, the version and every
 * other field except the local-only ones. A field's ordinal is its bit in a set of fields
 * ({@link FieldSet}).
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public enum NoteField implements EntityField {
  /**
   * The id, {@code id}.
   */
  ID("id"),

  /**
   * {@code text}.
   */
  TEXT("text"),

  /**
   * {@code priority}.
   */
  PRIORITY("priority"),

  /**
   * {@code stars}.
   */
  STARS("stars"),

  /**
   * {@code price}.
   */
  PRICE("price"),

  /**
   * {@code owner}.
   */
  OWNER("owner"),

  /**
   * {@code due}.
   */
  DUE("due"),

  /**
   * The version, {@code updatedAt}.
   */
  UPDATED_AT("updatedAt");

  /**
   * The field's Java name.
   */
  private final String fieldName;

  /**
   * The constant of the field named {@code fieldName}.
   *
   * @param fieldName the field's Java name
   */
  NoteField(String fieldName) {
    this.fieldName = fieldName;
  }

  /**
   * The field's Java name as written in {@link Note}.
   */
  @Override
  public String fieldName() {
    return fieldName;
  }

  /**
   * {@code field} as one of Note's fields.
   *
   * @param field a field of any entity type
   * @return the constant that is {@code field}
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Note}
   */
  public static NoteField of(EntityField field) {
    if (field instanceof NoteField known) {
      return known;
    }
    Objects.requireNonNull(field, "field");
    throw new IllegalArgumentException(
        "'" + field.fieldName() + "' of " + field.getClass().getSimpleName()
        + " is not a synced field of Note");
  }
}
