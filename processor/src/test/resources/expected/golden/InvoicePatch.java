package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.FieldSet;
import io.github.synced.runtime.spi.Patch;
import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.StringJoiner;
import javax.annotation.processing.Generated;

/**
 * A typed partial update of {@link Invoice}: the synced fields it sets, each with its value.
 *
 * <p>Immutable: every setter returns a new patch, so a patch held by a pending mutation has
 * the same effect each time it is applied. A field that is not set is absent, which is
 * different from a field set to {@code null}. Start from {@link #empty()}, for example
 * {@code InvoicePatch.empty().amount(...).currency(...)}.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class InvoicePatch implements Patch<Invoice> {
  /**
   * The patch that sets no field.
   */
  private static final InvoicePatch EMPTY = new InvoicePatch(0L, null, null, null, '\0', (byte) 0,
      (short) 0, 0F, null, null, null);

  /**
   * The fields this patch sets: bit {@code i} for the field whose ordinal is {@code i}.
   */
  private final long fields;

  /**
   * The value this patch gives {@code id}, if it sets it; else the default.
   */
  private final String id;

  /**
   * The value this patch gives {@code version}, if it sets it; else the default.
   */
  private final Long version;

  /**
   * The value this patch gives {@code amount}, if it sets it; else the default.
   */
  private final BigInteger amount;

  /**
   * The value this patch gives {@code currency}, if it sets it; else the default.
   */
  private final char currency;

  /**
   * The value this patch gives {@code discount}, if it sets it; else the default.
   */
  private final byte discount;

  /**
   * The value this patch gives {@code lines}, if it sets it; else the default.
   */
  private final short lines;

  /**
   * The value this patch gives {@code rate}, if it sets it; else the default.
   */
  private final float rate;

  /**
   * The value this patch gives {@code paid}, if it sets it; else the default.
   */
  private final Boolean paid;

  /**
   * The value this patch gives {@code issuedAt}, if it sets it; else the default.
   */
  private final OffsetDateTime issuedAt;

  /**
   * The value this patch gives {@code terms}, if it sets it; else the default.
   */
  private final Duration terms;

  /**
   * A patch that sets {@code fields} to these values; every other value must be its type's
   * default. Not private: {@link InvoiceSync} and the codec make patches too.
   *
   * @param fields the fields it sets, as bits
   * @param id the value it gives {@code id}
   * @param version the value it gives {@code version}
   * @param amount the value it gives {@code amount}
   * @param currency the value it gives {@code currency}
   * @param discount the value it gives {@code discount}
   * @param lines the value it gives {@code lines}
   * @param rate the value it gives {@code rate}
   * @param paid the value it gives {@code paid}
   * @param issuedAt the value it gives {@code issuedAt}
   * @param terms the value it gives {@code terms}
   */
  InvoicePatch(long fields, String id, Long version, BigInteger amount, char currency,
      byte discount, short lines, float rate, Boolean paid, OffsetDateTime issuedAt,
      Duration terms) {
    this.fields = fields;
    this.id = id;
    this.version = version;
    this.amount = amount;
    this.currency = currency;
    this.discount = discount;
    this.lines = lines;
    this.rate = rate;
    this.paid = paid;
    this.issuedAt = issuedAt;
    this.terms = terms;
  }

  /**
   * {@return a patch that sets no field}
   */
  public static InvoicePatch empty() {
    return EMPTY;
  }

  /**
   * A new patch that sets everything this one sets, and {@code id} to {@code id}.
   *
   * @param id the value to set
   * @return the new patch
   */
  public InvoicePatch id(String id) {
    return new InvoicePatch(fields | 1L << 0, id, version, amount, currency, discount, lines, rate,
        paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code id}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public String id() {
    return id;
  }

  /**
   * A new patch that sets everything this one sets, and {@code version} to {@code version}.
   *
   * @param version the value to set
   * @return the new patch
   */
  public InvoicePatch version(Long version) {
    return new InvoicePatch(fields | 1L << 1, id, version, amount, currency, discount, lines, rate,
        paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code version}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public Long version() {
    return version;
  }

  /**
   * A new patch that sets everything this one sets, and {@code amount} to {@code amount}.
   *
   * @param amount the value to set
   * @return the new patch
   */
  public InvoicePatch amount(BigInteger amount) {
    return new InvoicePatch(fields | 1L << 2, id, version, amount, currency, discount, lines, rate,
        paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code amount}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public BigInteger amount() {
    return amount;
  }

  /**
   * A new patch that sets everything this one sets, and {@code currency} to {@code currency}.
   *
   * @param currency the value to set
   * @return the new patch
   */
  public InvoicePatch currency(char currency) {
    return new InvoicePatch(fields | 1L << 3, id, version, amount, currency, discount, lines, rate,
        paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code currency}, or {@code '\0'} if it does not set it}
   * (See {@link #sets}.)
   */
  public char currency() {
    return currency;
  }

  /**
   * A new patch that sets everything this one sets, and {@code discount} to {@code discount}.
   *
   * @param discount the value to set
   * @return the new patch
   */
  public InvoicePatch discount(byte discount) {
    return new InvoicePatch(fields | 1L << 4, id, version, amount, currency, discount, lines, rate,
        paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code discount}, or {@code (byte) 0} if it does not set it}
   * (See {@link #sets}.)
   */
  public byte discount() {
    return discount;
  }

  /**
   * A new patch that sets everything this one sets, and {@code lines} to {@code lines}.
   *
   * @param lines the value to set
   * @return the new patch
   */
  public InvoicePatch lines(short lines) {
    return new InvoicePatch(fields | 1L << 5, id, version, amount, currency, discount, lines, rate,
        paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code lines}, or {@code (short) 0} if it does not set it}
   * (See {@link #sets}.)
   */
  public short lines() {
    return lines;
  }

  /**
   * A new patch that sets everything this one sets, and {@code rate} to {@code rate}.
   *
   * @param rate the value to set
   * @return the new patch
   */
  public InvoicePatch rate(float rate) {
    return new InvoicePatch(fields | 1L << 6, id, version, amount, currency, discount, lines, rate,
        paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code rate}, or {@code 0F} if it does not set it}
   * (See {@link #sets}.)
   */
  public float rate() {
    return rate;
  }

  /**
   * A new patch that sets everything this one sets, and {@code paid} to {@code paid}.
   *
   * @param paid the value to set
   * @return the new patch
   */
  public InvoicePatch paid(Boolean paid) {
    return new InvoicePatch(fields | 1L << 7, id, version, amount, currency, discount, lines, rate,
        paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code paid}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public Boolean paid() {
    return paid;
  }

  /**
   * A new patch that sets everything this one sets, and {@code issuedAt} to {@code issuedAt}.
   *
   * @param issuedAt the value to set
   * @return the new patch
   */
  public InvoicePatch issuedAt(OffsetDateTime issuedAt) {
    return new InvoicePatch(fields | 1L << 8, id, version, amount, currency, discount, lines, rate,
        paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code issuedAt}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public OffsetDateTime issuedAt() {
    return issuedAt;
  }

  /**
   * A new patch that sets everything this one sets, and {@code terms} to {@code terms}.
   *
   * @param terms the value to set
   * @return the new patch
   */
  public InvoicePatch terms(Duration terms) {
    return new InvoicePatch(fields | 1L << 9, id, version, amount, currency, discount, lines, rate,
        paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code terms}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public Duration terms() {
    return terms;
  }

  /**
   * The fields this patch sets, in declaration order; unmodifiable.
   */
  @Override
  public FieldSet<InvoiceField> fields() {
    return FieldSet.of(InvoiceSync.TYPE.fields(), fields);
  }

  /**
   * Whether this patch sets {@code field}; allocates nothing.
   */
  @Override
  public boolean sets(EntityField field) {
    return field instanceof InvoiceField known && (fields & 1L << known.ordinal()) != 0;
  }

  /**
   * Whether this patch sets no field.
   */
  @Override
  public boolean isEmpty() {
    return fields == 0;
  }

  /**
   * The value this patch gives {@code field} (primitives boxed).
   *
   * @throws IllegalArgumentException if this patch does not set {@code field}
   */
  @Override
  public Object get(EntityField field) {
    InvoiceField known = InvoiceField.of(field);
    if (!sets(known)) {
      throw new IllegalArgumentException("InvoicePatch does not set '" + known.fieldName() + "'");
    }
    return switch (known) {
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

  /**
   * Sets exactly this patch's fields on {@code target} and returns it; every other field,
   * local-only ones included, keeps its value.
   */
  @Override
  public Invoice applyTo(Invoice target) {
    if ((fields & 1L << 0) != 0) {
      target.id = this.id;
    }
    if ((fields & 1L << 1) != 0) {
      target.version = this.version;
    }
    if ((fields & 1L << 2) != 0) {
      target.amount = this.amount;
    }
    if ((fields & 1L << 3) != 0) {
      target.currency = this.currency;
    }
    if ((fields & 1L << 4) != 0) {
      target.discount = this.discount;
    }
    if ((fields & 1L << 5) != 0) {
      target.lines = this.lines;
    }
    if ((fields & 1L << 6) != 0) {
      target.rate = this.rate;
    }
    if ((fields & 1L << 7) != 0) {
      target.paid = this.paid;
    }
    if ((fields & 1L << 8) != 0) {
      target.issuedAt = this.issuedAt;
    }
    if ((fields & 1L << 9) != 0) {
      target.terms = this.terms;
    }
    return target;
  }

  /**
   * Whether {@code object} is a patch that sets the same fields to equal values.
   */
  @Override
  public boolean equals(Object object) {
    return object instanceof InvoicePatch that
        && fields == that.fields
        && Objects.equals(this.id, that.id)
        && Objects.equals(this.version, that.version)
        && Objects.equals(this.amount, that.amount)
        && this.currency == that.currency
        && this.discount == that.discount
        && this.lines == that.lines
        && Float.compare(this.rate, that.rate) == 0
        && Objects.equals(this.paid, that.paid)
        && Objects.equals(this.issuedAt, that.issuedAt)
        && Objects.equals(this.terms, that.terms);
  }

  /**
   * A hash of the fields this patch sets and their values.
   */
  @Override
  public int hashCode() {
    return Objects.hash(fields, id, version, amount, currency, discount, lines, rate, paid,
        issuedAt, terms);
  }

  /**
   * The fields this patch sets with their values, for example {@code InvoicePatch{id=...}}.
   */
  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "InvoicePatch{", "}");
    for (InvoiceField field : fields()) {
      joiner.add(field.fieldName() + "=" + get(field));
    }
    return joiner.toString();
  }
}
