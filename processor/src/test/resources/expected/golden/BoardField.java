package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.FieldSet;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The synced fields of {@link Board}, in declaration order: the id, the version and every
 * other field except the local-only ones. A field's ordinal is its bit in a set of fields
 * ({@link FieldSet}).
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public enum BoardField implements EntityField {
  /**
   * The id, {@code id}.
   */
  ID("id"),

  /**
   * {@code tags}.
   */
  TAGS("tags"),

  /**
   * {@code labels}.
   */
  LABELS("labels"),

  /**
   * {@code scores}.
   */
  SCORES("scores"),

  /**
   * {@code counts}.
   */
  COUNTS("counts"),

  /**
   * {@code links}.
   */
  LINKS("links"),

  /**
   * {@code rows}.
   */
  ROWS("rows"),

  /**
   * {@code subtitle}.
   */
  SUBTITLE("subtitle"),

  /**
   * {@code limit}.
   */
  LIMIT("limit"),

  /**
   * {@code avatar}.
   */
  AVATAR("avatar"),

  /**
   * {@code aliases}.
   */
  ALIASES("aliases"),

  /**
   * {@code sizes}.
   */
  SIZES("sizes"),

  /**
   * {@code budget}.
   */
  BUDGET("budget"),

  /**
   * {@code bonus}.
   */
  BONUS("bonus"),

  /**
   * {@code costs}.
   */
  COSTS("costs"),

  /**
   * {@code owner}.
   */
  OWNER("owner"),

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
  BoardField(String fieldName) {
    this.fieldName = fieldName;
  }

  /**
   * The field's Java name as written in {@link Board}.
   */
  @Override
  public String fieldName() {
    return fieldName;
  }

  /**
   * {@code field} as one of Board's fields.
   *
   * @param field a field of any entity type
   * @return the constant that is {@code field}
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Board}
   */
  public static BoardField of(EntityField field) {
    if (field instanceof BoardField known) {
      return known;
    }
    Objects.requireNonNull(field, "field");
    throw new IllegalArgumentException(
        "'" + field.fieldName() + "' of " + field.getClass().getSimpleName()
        + " is not a synced field of Board");
  }
}
