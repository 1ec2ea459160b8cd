package io.github.synced.example.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.SyncStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A floating-point version that is NaN orders before and after nothing: taken as the base, every
 * later state would look older and the entity would never update again. Found by a tester who
 * pushed {@code NaN} and then {@code 3.0}: the second was ignored.
 */
class NanVersionTest {

  private final SyncStore<String, Reading> store = SyncStore.of(ReadingSync.TYPE).build();

  @Test
  void aPushedStateWithANanVersionIsBadServerDataAndLeavesTheStoreAsItWas() {
    store.load(List.of(new Reading("r1", 1.5, 1.0)));

    BadServerDataException e =
        assertThrows(
            BadServerDataException.class, () -> store.receive(new Reading("r1", 9, Double.NaN)));

    assertTrue(e.getMessage().contains("Reading") && e.getMessage().contains("r1"), e.getMessage());
    assertTrue(e.getMessage().contains("at"), e.getMessage());
    assertEquals(1.5, store.get("r1").orElseThrow().value);
    assertTrue(store.receive(new Reading("r1", 2.5, 3.0)), "a later version is still taken");
    assertEquals(2.5, store.get("r1").orElseThrow().value);
  }

  @Test
  void aLoadedStateWithANanVersionIsRefused() {
    assertThrows(
        BadServerDataException.class, () -> store.load(List.of(new Reading("r1", 1, Double.NaN))));
    assertTrue(store.get("r1").isEmpty());
  }
}
