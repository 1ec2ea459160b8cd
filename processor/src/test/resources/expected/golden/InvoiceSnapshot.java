package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Snapshot;
import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.annotation.processing.Generated;

/**
 * The synced fields of one {@link Invoice} at one moment, as an immutable value; local-only
 * fields are never part of it. Made by {@link InvoiceSync#snapshot}, it is an undo point
 * ({@link InvoiceSync#restore} puts its values back and keeps local-only ones), a comparison
 * of synced state ({@code equals}) and what a view can render.
 *
 * @param id the value of {@code id}
 * @param version the value of {@code version}
 * @param amount the value of {@code amount}
 * @param currency the value of {@code currency}
 * @param discount the value of {@code discount}
 * @param lines the value of {@code lines}
 * @param rate the value of {@code rate}
 * @param paid the value of {@code paid}
 * @param issuedAt the value of {@code issuedAt}
 * @param terms the value of {@code terms}
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public record InvoiceSnapshot(String id, Long version, BigInteger amount, char currency,
    byte discount, short lines, float rate, Boolean paid, OffsetDateTime issuedAt,
    Duration terms) implements Snapshot<Invoice> {
  /**
   * The value of {@code field} in this snapshot (primitives boxed).
   *
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Invoice}
   */
  @Override
  public Object get(EntityField field) {
    return switch (InvoiceField.of(field)) {
      case ID -> this.id;
      case VERSION -> this.version;
      case AMOUNT -> this.amount;
      case CURRENCY -> this.currency;
      case DISCOUNT -> this.discount;
      case LINES -> this.lines;
      case RATE -> this.rate;
      case PAID -> this.paid;
      case ISSUED_AT -> this.issuedAt;
      case TERMS -> this.terms;
    };
  }
}
