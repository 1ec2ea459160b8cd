package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.FieldSet;
import io.github.synced.runtime.spi.Snapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * The description of {@link Invoice} that the Synced runtime works through: id and version,
 * copies, snapshots, restore, merge, patches and diffs, in plain code without reflection.
 *
 * <p>{@code Invoice} is a mutable class: {@code withId}, {@code restore} and {@code merge}
 * change their first argument in place and return it.
 *
 * <p>Synced fields are the server's; local-only fields are the client's. Every method that
 * takes synced fields from one entity keeps the local-only fields of the other.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class InvoiceSync implements EntityType<String, Invoice> {
  /**
   * The description of {@link Invoice}.
   */
  public static final InvoiceSync TYPE = new InvoiceSync();

  /**
   * The synced fields in declaration order, unmodifiable.
   */
  private static final List<InvoiceField> FIELDS = List.of(InvoiceField.values());

  /**
   * The order of versions: {@code null} first, then natural.
   */
  private static final Comparator<Long> VERSION_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

  /**
   * The one instance is {@link #TYPE}.
   */
  private InvoiceSync() {
  }

  /**
   * {@code "Invoice"}, the entity's simple name.
   */
  @Override
  public String name() {
    return "Invoice";
  }

  /**
   * {@code Invoice.class}.
   */
  @Override
  public Class<Invoice> type() {
    return Invoice.class;
  }

  /**
   * The synced fields in declaration order (superclass fields first); unmodifiable.
   */
  @Override
  public List<InvoiceField> fields() {
    return FIELDS;
  }

  /**
   * {@link InvoiceField#ID}.
   */
  @Override
  public InvoiceField idField() {
    return InvoiceField.ID;
  }

  /**
   * {@code String.class}, the class of the id.
   */
  @Override
  public Class<String> idType() {
    return String.class;
  }

  /**
   * {@code null}, the id a new {@link Invoice} has before it is given one.
   */
  @Override
  public String unsetId() {
    return null;
  }

  /**
   * The entity's {@code id}.
   */
  @Override
  public String id(Invoice entity) {
    return entity.id;
  }

  /**
   * Sets the id of {@code entity} to {@code id} and returns {@code entity}.
   */
  @Override
  public Invoice withId(Invoice entity, String id) {
    entity.id = id;
    return entity;
  }

  /**
   * {@code true}: {@code version} is the version.
   */
  @Override
  public boolean hasVersion() {
    return true;
  }

  /**
   * {@link InvoiceField#VERSION}.
   */
  @Override
  public InvoiceField versionField() {
    return InvoiceField.VERSION;
  }

  /**
   * The entity's {@code version}.
   */
  @Override
  public Object version(Invoice entity) {
    return entity.version;
  }

  /**
   * Compares the {@code version} of {@code a} and {@code b}: negative if {@code a} is older. A
   * {@code null} version is older than any other.
   */
  @Override
  public int compareVersions(Invoice a, Invoice b) {
    return VERSION_ORDER.compare(a.version, b.version);
  }

  /**
   * A new {@link Invoice} equal to {@code entity} in every field, synced and local-only.
   * Values are copied as they are: a mutable local-only value, such as a list, is shared.
   */
  @Override
  public Invoice copy(Invoice entity) {
    Invoice copy = new Invoice();
    copy.id = entity.id;
    copy.version = entity.version;
    copy.amount = entity.amount;
    copy.currency = entity.currency;
    copy.discount = entity.discount;
    copy.lines = entity.lines;
    copy.rate = entity.rate;
    copy.paid = entity.paid;
    copy.issuedAt = entity.issuedAt;
    copy.terms = entity.terms;
    copy.draftNote = entity.draftNote;
    return copy;
  }

  /**
   * A new {@link Invoice} with the synced fields of {@code entity} and every local-only field
   * as a new instance has it: what may leave the client.
   */
  @Override
  public Invoice syncedCopy(Invoice entity) {
    Invoice copy = new Invoice();
    copy.id = entity.id;
    copy.version = entity.version;
    copy.amount = entity.amount;
    copy.currency = entity.currency;
    copy.discount = entity.discount;
    copy.lines = entity.lines;
    copy.rate = entity.rate;
    copy.paid = entity.paid;
    copy.issuedAt = entity.issuedAt;
    copy.terms = entity.terms;
    return copy;
  }

  /**
   * The synced fields of {@code entity}, as an immutable value: with {@link #restore}, an undo
   * of synced state; with {@code equals}, a comparison of it.
   */
  @Override
  public InvoiceSnapshot snapshot(Invoice entity) {
    return new InvoiceSnapshot(
        entity.id,
        entity.version,
        entity.amount,
        entity.currency,
        entity.discount,
        entity.lines,
        entity.rate,
        entity.paid,
        entity.issuedAt,
        entity.terms);
  }

  /**
   * Sets every synced field of {@code target} to its value in {@code snapshot} and returns
   * {@code target}; local-only fields keep their values.
   *
   * @throws IllegalArgumentException if {@code snapshot} was not made by {@link #snapshot}
   */
  @Override
  public Invoice restore(Invoice target, Snapshot<Invoice> snapshot) {
    if (!(snapshot instanceof InvoiceSnapshot values)) {
      throw new IllegalArgumentException("not a snapshot made by InvoiceSync: " + snapshot);
    }
    target.id = values.id();
    target.version = values.version();
    target.amount = values.amount();
    target.currency = values.currency();
    target.discount = values.discount();
    target.lines = values.lines();
    target.rate = values.rate();
    target.paid = values.paid();
    target.issuedAt = values.issuedAt();
    target.terms = values.terms();
    return target;
  }

  /**
   * Sets every synced field of {@code local} to its value in {@code server} and returns
   * {@code local}; local-only fields keep their values and {@code server} is not changed.
   */
  @Override
  public Invoice merge(Invoice local, Invoice server) {
    local.id = server.id;
    local.version = server.version;
    local.amount = server.amount;
    local.currency = server.currency;
    local.discount = server.discount;
    local.lines = server.lines;
    local.rate = server.rate;
    local.paid = server.paid;
    local.issuedAt = server.issuedAt;
    local.terms = server.terms;
    return local;
  }

  /**
   * A patch that sets {@code fields} to their values in {@code source}.
   *
   * @throws IllegalArgumentException if a field is not a synced field of {@link Invoice}
   */
  @Override
  public InvoicePatch patch(Invoice source, Set<? extends EntityField> fields) {
    long set = 0;
    for (EntityField each : fields) {
      set |= 1L << InvoiceField.of(each).ordinal();
    }
    return new InvoicePatch(
        set,
        (set & 1L << 0) != 0 ? source.id : null,
        (set & 1L << 1) != 0 ? source.version : null,
        (set & 1L << 2) != 0 ? source.amount : null,
        (set & 1L << 3) != 0 ? source.currency : '\0',
        (set & 1L << 4) != 0 ? source.discount : (byte) 0,
        (set & 1L << 5) != 0 ? source.lines : (short) 0,
        (set & 1L << 6) != 0 ? source.rate : 0F,
        (set & 1L << 7) != 0 ? source.paid : null,
        (set & 1L << 8) != 0 ? source.issuedAt : null,
        (set & 1L << 9) != 0 ? source.terms : null);
  }

  /**
   * The synced fields whose values differ between {@code a} and {@code b}, in declaration
   * order; unmodifiable. Values are compared with {@code ==} for primitives, {@code compare}
   * for floating-point values (so {@code NaN} equals itself) and {@code equals} otherwise (so
   * {@code BigDecimal} values of different scale differ).
   */
  @Override
  public FieldSet<InvoiceField> diff(Invoice a, Invoice b) {
    long changed = 0L;
    if (!Objects.equals(a.id, b.id)) {
      changed |= 1L << 0;
    }
    if (!Objects.equals(a.version, b.version)) {
      changed |= 1L << 1;
    }
    if (!Objects.equals(a.amount, b.amount)) {
      changed |= 1L << 2;
    }
    if (a.currency != b.currency) {
      changed |= 1L << 3;
    }
    if (a.discount != b.discount) {
      changed |= 1L << 4;
    }
    if (a.lines != b.lines) {
      changed |= 1L << 5;
    }
    if (Float.compare(a.rate, b.rate) != 0) {
      changed |= 1L << 6;
    }
    if (!Objects.equals(a.paid, b.paid)) {
      changed |= 1L << 7;
    }
    if (!Objects.equals(a.issuedAt, b.issuedAt)) {
      changed |= 1L << 8;
    }
    if (!Objects.equals(a.terms, b.terms)) {
      changed |= 1L << 9;
    }
    return FieldSet.of(FIELDS, changed);
  }

  /**
   * Whether every synced field of {@code a} equals that of {@code b}, compared as
   * {@link #diff} compares them; nothing is allocated.
   */
  @Override
  public boolean syncedEquals(Invoice a, Invoice b) {
    return Objects.equals(a.id, b.id)
        && Objects.equals(a.version, b.version)
        && Objects.equals(a.amount, b.amount)
        && a.currency == b.currency
        && a.discount == b.discount
        && a.lines == b.lines
        && Float.compare(a.rate, b.rate) == 0
        && Objects.equals(a.paid, b.paid)
        && Objects.equals(a.issuedAt, b.issuedAt)
        && Objects.equals(a.terms, b.terms);
  }

  /**
   * The value of {@code field} in {@code entity} (primitives boxed).
   *
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Invoice}
   */
  @Override
  public Object get(Invoice entity, EntityField field) {
    return switch (InvoiceField.of(field)) {
      case ID -> entity.id;
      case VERSION -> entity.version;
      case AMOUNT -> entity.amount;
      case CURRENCY -> entity.currency;
      case DISCOUNT -> entity.discount;
      case LINES -> entity.lines;
      case RATE -> entity.rate;
      case PAID -> entity.paid;
      case ISSUED_AT -> entity.issuedAt;
      case TERMS -> entity.terms;
    };
  }
}
