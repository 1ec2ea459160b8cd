package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
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
  private static final InvoicePatch EMPTY = new InvoicePatch(Set.of(), null, null, null, '\0',
      (byte) 0, (short) 0, 0F, null, null, null);

  /**
   * The fields this patch sets.
   */
  private final Set<InvoiceField> fields;

  /**
   * The value this patch gives {@code id}, if it sets it.
   */
  private final String id;

  /**
   * The value this patch gives {@code version}, if it sets it.
   */
  private final Long version;

  /**
   * The value this patch gives {@code amount}, if it sets it.
   */
  private final BigInteger amount;

  /**
   * The value this patch gives {@code currency}, if it sets it.
   */
  private final char currency;

  /**
   * The value this patch gives {@code discount}, if it sets it.
   */
  private final byte discount;

  /**
   * The value this patch gives {@code lines}, if it sets it.
   */
  private final short lines;

  /**
   * The value this patch gives {@code rate}, if it sets it.
   */
  private final float rate;

  /**
   * The value this patch gives {@code paid}, if it sets it.
   */
  private final Boolean paid;

  /**
   * The value this patch gives {@code issuedAt}, if it sets it.
   */
  private final OffsetDateTime issuedAt;

  /**
   * The value this patch gives {@code terms}, if it sets it.
   */
  private final Duration terms;

  /**
   * A patch that sets {@code fields} to these values.
   *
   * @param fields the fields it sets, unmodifiable
   * @param id the value it gives {@code id}, if it sets it
   * @param version the value it gives {@code version}, if it sets it
   * @param amount the value it gives {@code amount}, if it sets it
   * @param currency the value it gives {@code currency}, if it sets it
   * @param discount the value it gives {@code discount}, if it sets it
   * @param lines the value it gives {@code lines}, if it sets it
   * @param rate the value it gives {@code rate}, if it sets it
   * @param paid the value it gives {@code paid}, if it sets it
   * @param issuedAt the value it gives {@code issuedAt}, if it sets it
   * @param terms the value it gives {@code terms}, if it sets it
   */
  private InvoicePatch(Set<InvoiceField> fields, String id, Long version, BigInteger amount,
      char currency, byte discount, short lines, float rate, Boolean paid, OffsetDateTime issuedAt,
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
    return new InvoicePatch(with(InvoiceField.ID), id, version, amount, currency, discount, lines,
        rate, paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code id}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
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
    return new InvoicePatch(with(InvoiceField.VERSION), id, version, amount, currency, discount,
        lines, rate, paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code version}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
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
    return new InvoicePatch(with(InvoiceField.AMOUNT), id, version, amount, currency, discount,
        lines, rate, paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code amount}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
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
    return new InvoicePatch(with(InvoiceField.CURRENCY), id, version, amount, currency, discount,
        lines, rate, paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code currency}, or {@code '\0'} if it does not set it}
   * (See {@link #fields()}.)
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
    return new InvoicePatch(with(InvoiceField.DISCOUNT), id, version, amount, currency, discount,
        lines, rate, paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code discount}, or {@code (byte) 0} if it does not set it}
   * (See {@link #fields()}.)
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
    return new InvoicePatch(with(InvoiceField.LINES), id, version, amount, currency, discount,
        lines, rate, paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code lines}, or {@code (short) 0} if it does not set it}
   * (See {@link #fields()}.)
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
    return new InvoicePatch(with(InvoiceField.RATE), id, version, amount, currency, discount, lines,
        rate, paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code rate}, or {@code 0F} if it does not set it}
   * (See {@link #fields()}.)
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
    return new InvoicePatch(with(InvoiceField.PAID), id, version, amount, currency, discount, lines,
        rate, paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code paid}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
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
    return new InvoicePatch(with(InvoiceField.ISSUED_AT), id, version, amount, currency, discount,
        lines, rate, paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code issuedAt}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
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
    return new InvoicePatch(with(InvoiceField.TERMS), id, version, amount, currency, discount,
        lines, rate, paid, issuedAt, terms);
  }

  /**
   * {@return the value this patch gives {@code terms}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
   */
  public Duration terms() {
    return terms;
  }

  /**
   * The fields this patch sets, in declaration order; unmodifiable.
   */
  @Override
  public Set<InvoiceField> fields() {
    return fields;
  }

  /**
   * The value this patch gives {@code field} (primitives boxed).
   *
   * @throws IllegalArgumentException if this patch does not set {@code field}
   */
  @Override
  public Object get(EntityField field) {
    InvoiceField known = InvoiceField.of(field);
    if (!fields.contains(known)) {
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
    if (fields.contains(InvoiceField.ID)) {
      target.id = this.id;
    }
    if (fields.contains(InvoiceField.VERSION)) {
      target.version = this.version;
    }
    if (fields.contains(InvoiceField.AMOUNT)) {
      target.amount = this.amount;
    }
    if (fields.contains(InvoiceField.CURRENCY)) {
      target.currency = this.currency;
    }
    if (fields.contains(InvoiceField.DISCOUNT)) {
      target.discount = this.discount;
    }
    if (fields.contains(InvoiceField.LINES)) {
      target.lines = this.lines;
    }
    if (fields.contains(InvoiceField.RATE)) {
      target.rate = this.rate;
    }
    if (fields.contains(InvoiceField.PAID)) {
      target.paid = this.paid;
    }
    if (fields.contains(InvoiceField.ISSUED_AT)) {
      target.issuedAt = this.issuedAt;
    }
    if (fields.contains(InvoiceField.TERMS)) {
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
        && fields.equals(that.fields)
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
    for (InvoiceField field : fields) {
      joiner.add(field.fieldName() + "=" + get(field));
    }
    return joiner.toString();
  }

  /**
   * {@return the fields this patch sets and {@code field}, unmodifiable}
   *
   * @param field the field to add
   */
  private Set<InvoiceField> with(InvoiceField field) {
    EnumSet<InvoiceField> set = EnumSet.noneOf(InvoiceField.class);
    set.addAll(fields);
    set.add(field);
    return Collections.unmodifiableSet(set);
  }
}
