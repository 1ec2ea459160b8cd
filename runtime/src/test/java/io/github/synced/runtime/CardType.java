package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import io.github.synced.runtime.spi.Snapshot;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the processor would generate as {@code CardSync}; {@link #UNVERSIONED} is the same card as
 * if it had no {@code @SyncVersion} field (its {@code version} is then plain ignored state).
 */
final class CardType implements EntityType<String, Card> {
  static final CardType TYPE = new CardType(true);
  static final CardType UNVERSIONED = new CardType(false);

  /** The title a card's setter refuses. */
  static final String REFUSED = "refused";

  private final boolean versioned;
  private final List<CardField> fields;

  private CardType(boolean versioned) {
    this.versioned = versioned;
    this.fields =
        versioned
            ? List.of(CardField.values())
            : List.of(CardField.ID, CardField.TITLE, CardField.DONE);
  }

  @Override
  public String name() {
    return "Card";
  }

  @Override
  public Class<Card> type() {
    return Card.class;
  }

  @Override
  public List<CardField> fields() {
    return fields;
  }

  @Override
  public EntityField idField() {
    return CardField.ID;
  }

  @Override
  public Class<String> idType() {
    return String.class;
  }

  @Override
  public String unsetId() {
    return null;
  }

  @Override
  public String id(Card entity) {
    return entity.id;
  }

  @Override
  public Card withId(Card entity, String id) {
    entity.id = id;
    return entity;
  }

  @Override
  public boolean hasVersion() {
    return versioned;
  }

  @Override
  public EntityField versionField() {
    if (!versioned) {
      throw new UnsupportedOperationException("Card has no version here");
    }
    return CardField.VERSION;
  }

  @Override
  public Object version(Card entity) {
    return versioned ? entity.version : null;
  }

  @Override
  public int compareVersions(Card a, Card b) {
    return versioned ? Long.compare(a.version, b.version) : 0;
  }

  @Override
  public Card copy(Card c) {
    Card n = new Card(c.id, c.title, c.done, c.version);
    n.expanded = c.expanded;
    n.selected = c.selected;
    return n;
  }

  @Override
  public Card syncedCopy(Card c) {
    return new Card(c.id, c.title, c.done, c.version);
  }

  @Override
  public Snapshot<Card> snapshot(Card c) {
    return new CardSnapshot(c.id, c.title, c.done, c.version);
  }

  @Override
  public Card restore(Card target, Snapshot<Card> s) {
    for (CardField f : fields) {
      set(target, f, s.get(f));
    }
    return target;
  }

  @Override
  public Card merge(Card local, Card server) {
    return restore(local, snapshot(server));
  }

  @Override
  public Patch<Card> patch(Card source, Set<? extends EntityField> fields) {
    CardPatch p = CardPatch.empty();
    for (EntityField f : fields) {
      if (!(f instanceof CardField cf)) {
        throw new IllegalArgumentException("not a Card field: " + f);
      }
      p = p.with(cf, get(source, cf));
    }
    return p;
  }

  @Override
  public Set<CardField> diff(Card a, Card b) {
    EnumSet<CardField> changed = EnumSet.noneOf(CardField.class);
    for (CardField f : fields) {
      if (!Objects.equals(get(a, f), get(b, f))) {
        changed.add(f);
      }
    }
    return changed;
  }

  @Override
  public Object get(Card c, EntityField field) {
    return switch ((CardField) field) {
      case ID -> c.id;
      case TITLE -> c.title;
      case DONE -> c.done;
      case VERSION -> c.version;
    };
  }

  static void set(Card c, CardField f, Object v) {
    switch (f) {
      case ID -> c.id = (String) v;
      case TITLE -> {
        if (REFUSED.equals(v)) { // a validating setter, as real entities have
          throw new IllegalArgumentException("a card's title cannot be '" + REFUSED + "'");
        }
        c.title = (String) v;
      }
      case DONE -> c.done = (Boolean) v;
      case VERSION -> c.version = (Long) v;
    }
  }
}
