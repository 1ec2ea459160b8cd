package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.FieldSet;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The synced fields of {@link Invoice}, in declaration order: the id, the version and every
 * other field except the local-only ones. A field's ordinal is its bit in a set of fields
 * ({@link FieldSet}).
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public enum InvoiceField implements EntityField {
  /**
   * The id, {@code id}.
   */
  ID("id"),

  /**
   * The version, {@code version}.
   */
  VERSION("version"),

  /**
   * {@code amount}.
   */
  AMOUNT("amount"),

  /**
   * {@code currency}.
   */
  CURRENCY("currency"),

  /**
   * {@code discount}.
   */
  DISCOUNT("discount"),

  /**
   * {@code lines}.
   */
  LINES("lines"),

  /**
   * {@code rate}.
   */
  RATE("rate"),

  /**
   * {@code paid}.
   */
  PAID("paid"),

  /**
   * {@code issuedAt}.
   */
  ISSUED_AT("issuedAt"),

  /**
   * {@code terms}.
   */
  TERMS("terms");

  /**
   * The field's Java name.
   */
  private final String fieldName;

  /**
   * The constant of the field named {@code fieldName}.
   *
   * @param fieldName the field's Java name
   */
  InvoiceField(String fieldName) {
    this.fieldName = fieldName;
  }

  /**
   * The field's Java name as written in {@link Invoice}.
   */
  @Override
  public String fieldName() {
    return fieldName;
  }

  /**
   * {@code field} as one of Invoice's fields.
   *
   * @param field a field of any entity type
   * @return the constant that is {@code field}
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Invoice}
   */
  public static InvoiceField of(EntityField field) {
    if (field instanceof InvoiceField known) {
      return known;
    }
    Objects.requireNonNull(field, "field");
    throw new IllegalArgumentException(
        "'" + field.fieldName() + "' of " + field.getClass().getSimpleName()
        + " is not a synced field of Invoice");
  }
}
