package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event log records every transition and change in order, with time and cause. */
class EventLogTest {

  @Test
  void recordsTransitionsAndChangesInOrderWithTheirTimes() {
    Harness h = new Harness(b -> b.retry(Harness.exactRetry().withMaxAttempts(1))).withCards("t1");
    EventLog<String, Card> log = EventLog.attach(h.store);
    List<String> heard = new ArrayList<>();
    log.subscribe(e -> heard.add(log.describe(e)));

    h.store.update("t1", CardPatch.empty().title("Buy oat milk"));
    h.clock.advance(Duration.ofMillis(250));
    h.server.next().fail(SyncFailure.rejected(422, "too long"));

    List<String> described = log.events().stream().map(log::describe).toList();
    assertEquals(heard, described, "subscribers hear exactly what is recorded, in order");
    assertEquals(
        List.of(
            "#1 update QUEUED  (made)",
            "OPTIMISTIC by #1  title: \"title t1\" → \"Buy oat milk\"",
            "#1 update QUEUED → SENDING  (sent)",
            "#1 update SENDING → ROLLED_BACK  (rejected)  [REJECTED 422: too long]",
            "ROLLBACK by #1  title: \"Buy oat milk\" → \"title t1\"  [REJECTED 422: too long]"),
        described);
    EventLog.Event<String, Card> last = log.events().get(described.size() - 1);
    assertNotNull(last.change());
    assertNull(last.transition());
    assertEquals("t1", last.id());
    assertEquals(
        "+0.250s   t1     ROLLBACK by #1  title: \"Buy oat milk\" → \"title t1\"  [REJECTED 422: too long]",
        log.format(last, log.events().get(0).at()));
  }

  @Test
  void keepsOnlyTheLatestEventsAndStopsWhenDetached() {
    Harness h = new Harness().withCards("t1");
    EventLog<String, Card> log = EventLog.attach(h.store, 2);
    h.store.local("t1", c -> c.expanded = true);
    h.store.local("t1", c -> c.selected = true);
    h.store.local("t1", c -> c.expanded = false);
    assertEquals(2, log.events().size());

    log.detach();
    h.store.local("t1", c -> c.selected = false);
    assertEquals(2, log.events().size());
    assertThrows(IllegalArgumentException.class, () -> EventLog.attach(h.store, 0));
  }

  @Test
  void aChangeCarriesTheTimeOfTheStepBehindIt() {
    Harness h = new Harness().withCards("t1");
    h.clock.advance(Duration.ofSeconds(3));
    h.store.update("t1", CardPatch.empty().title("mine"));
    Change<String, Card> optimistic = h.lastChange();
    h.clock.advance(Duration.ofSeconds(2));
    h.server.next().succeed();
    Change<String, Card> confirm = h.lastChange();

    assertEquals(Change.Cause.OPTIMISTIC, optimistic.cause());
    assertEquals(h.transitions.get(h.transitions.size() - 3).at(), optimistic.at());
    assertEquals(Change.Cause.CONFIRM, confirm.cause());
    assertEquals(h.clock.now(), confirm.at());
    assertEquals(Duration.ofSeconds(2), Duration.between(optimistic.at(), confirm.at()));
  }
}
