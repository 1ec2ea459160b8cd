package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.testing.VirtualScheduler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An entity without a version field: arrival order decides (rule 7), empty answers confirm. */
class UnversionedTest {

  private static SyncStore<String, Card> store(FakeServer server) {
    return SyncStore.of(CardType.UNVERSIONED)
        .remote(server)
        .scheduler(new VirtualScheduler())
        .build();
  }

  @Test
  void withoutAVersionTheLaterArrivalWins() {
    SyncStore<String, Card> store = store(new FakeServer());
    store.load(List.of(new Card("t1", "first", false, 0)));

    assertTrue(store.receive(new Card("t1", "second", false, 0)));
    assertTrue(store.receive(new Card("t1", "third, though older", false, 0)));

    assertEquals("third, though older", store.get("t1").orElseThrow().title);
  }

  @Test
  void emptyAnswerConfirmsWithTheMutationsOwnValues() {
    FakeServer server = new FakeServer();
    SyncStore<String, Card> store = store(server);
    store.load(List.of(new Card("t1", "first", false, 0)));
    store.local("t1", c -> c.expanded = true);
    Mutation<String, Card> m = store.update("t1", CardPatch.empty().title("mine"));

    server.next().answer(Reply.empty());

    assertEquals(MutationState.CONFIRMED, m.state());
    Card v = store.get("t1").orElseThrow();
    assertEquals("mine", v.title);
    assertTrue(v.expanded);
    assertTrue(store.pending("t1").isEmpty());
  }
}
