package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** What the processor would generate as {@code CardPatch}: immutable, each setter a new patch. */
final class CardPatch implements Patch<Card> {
  private final Map<CardField, Object> values;

  private CardPatch(Map<CardField, Object> values) {
    this.values = values;
  }

  static CardPatch empty() {
    return new CardPatch(new EnumMap<>(CardField.class));
  }

  CardPatch with(CardField field, Object value) {
    EnumMap<CardField, Object> copy = new EnumMap<>(CardField.class);
    copy.putAll(values);
    copy.put(field, value);
    return new CardPatch(copy);
  }

  CardPatch title(String title) {
    return with(CardField.TITLE, title);
  }

  CardPatch done(boolean done) {
    return with(CardField.DONE, done);
  }

  CardPatch version(long version) {
    return with(CardField.VERSION, version);
  }

  CardPatch id(String id) {
    return with(CardField.ID, id);
  }

  @Override
  public Set<CardField> fields() {
    return Collections.unmodifiableSet(values.keySet());
  }

  @Override
  public Object get(EntityField field) {
    if (!values.containsKey(field)) {
      throw new IllegalArgumentException("patch does not set " + field);
    }
    return values.get(field);
  }

  @Override
  public Card applyTo(Card target) {
    values.forEach((f, v) -> CardType.set(target, f, v));
    return target;
  }

  @Override
  public String toString() {
    return "CardPatch" + values;
  }
}
