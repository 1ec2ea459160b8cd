package io.github.synced.example.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JacksonInput;
import io.github.synced.runtime.json.JsonCodec;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Entities that validate: generated code never hands a record's constructor a {@code null} for a
 * local-only component, and a value the entity refuses while reading server JSON is bad server
 * data.
 */
class ValidatingEntitiesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static <E> E read(JsonCodec<E> codec, String json) throws IOException {
    try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
      return codec.read(JacksonInput.of(parser));
    }
  }

  private static Card card() {
    return new Card("c1", "Plan", List.of("red"), Optional.of("later"), Map.of("a", 1), 3, 7);
  }

  @Test
  void syncedCopyGivesLocalOnlyComponentsValuesTheRecordAccepts() {
    Card copy = CardSync.TYPE.syncedCopy(card());
    assertEquals(new Card("c1", "Plan", List.of(), Optional.empty(), Map.of(), 0, 7), copy);
  }

  @Test
  void readingJsonGivesLocalOnlyComponentsValuesTheRecordAccepts() throws IOException {
    Card read = read(new CardJson(), "{\"id\":\"c1\",\"title\":\"Plan\",\"version\":7}");
    assertEquals(new Card("c1", "Plan", List.of(), Optional.empty(), Map.of(), 0, 7), read);
  }

  @Test
  void everyOtherNewInstanceKeepsTheCurrentLocalValues() {
    Card card = card();
    Card server = new Card("c1", "Plan B", List.of(), Optional.empty(), Map.of(), 0, 8);
    assertEquals(card.marks(), CardSync.TYPE.merge(card, server).marks());
    assertEquals(card.note(), CardSync.TYPE.copy(card).note());
    assertEquals(card.counts(), CardSync.TYPE.withId(card, "c2").counts());
    assertEquals(
        card.clicks(), CardSync.TYPE.restore(card, CardSync.TYPE.snapshot(server)).clicks());
    assertEquals(card.marks(), CardPatch.empty().title("Plan C").applyTo(card).marks());
  }

  @Test
  void aValueTheRecordRefusesFromTheServerIsBadServerData() {
    BadServerDataException e =
        assertThrows(
            BadServerDataException.class,
            () -> read(new CardJson(), "{\"id\":\"c1\",\"title\":\" \",\"version\":7}"));
    assertEquals("Card", e.entity());
    assertEquals("c1", e.id());
    assertNull(e.field(), "the constructor refuses the values together");
    assertEquals("title must not be blank", e.problem());
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
  }

  @Test
  void aValueASetterRefusesFromTheServerIsBadServerDataNamingTheField() {
    BadServerDataException e =
        assertThrows(
            BadServerDataException.class,
            () -> read(new CheckedItemJson(), "{\"id\":\"i1\",\"stock\":-2,\"version\":1}"));
    assertEquals("CheckedItem", e.entity());
    assertEquals("i1", e.id());
    assertEquals("stock", e.field());
    assertEquals("stock must not be negative: -2", e.problem());
    assertEquals("CheckedItem 'i1', field 'stock': stock must not be negative: -2", e.getMessage());
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
  }

  @Test
  void acceptedValuesAreReadThroughTheSetter() throws IOException {
    CheckedItem item = read(new CheckedItemJson(), "{\"id\":\"i1\",\"stock\":4,\"version\":1}");
    assertEquals(4, item.getStock());
  }
}
