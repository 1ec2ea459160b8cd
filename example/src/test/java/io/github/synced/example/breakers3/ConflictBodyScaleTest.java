package io.github.synced.example.breakers3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The entity in a 412 body becomes the base; its 12.50 must keep its scale. */
class ConflictBodyScaleTest {
  @ParameterizedTest
  @ValueSource(strings = {"j2", "j3"})
  void conflictBodyAmountKeepsScale(String jackson) throws Exception {
    try (Loopback server = new Loopback()) {
      String t0 = "2026-01-01T00:00:00Z";
      String t2 = "2026-01-01T00:00:02.000000002Z";
      String t3 = "2026-01-01T00:00:03.000000003Z";
      AtomicInteger writes = new AtomicInteger();
      server.handler =
          r -> {
            if (r.method().equals("GET")) {
              return Loopback.Resp.json(200, HttpSnakeApiTest.issue(1, "One", false, t0, "1.00"));
            }
            if (writes.getAndIncrement() == 0) {
              return Loopback.Resp.json(412, HttpSnakeApiTest.issue(1, "One", false, t2, "12.50"));
            }
            return Loopback.Resp.json(200, "{\"id\":1,\"updated_at\":\"" + t3 + "\"}");
          };
      HttpRemote.Builder<Long, Issue> b =
          HttpRemote.<Long, Issue>builder(server.uri(), "/issues", new IssueJson());
      if (jackson.equals("j3")) {
        b.jackson3(new tools.jackson.databind.ObjectMapper());
      } else {
        b.mapper(new com.fasterxml.jackson.databind.ObjectMapper());
      }
      SyncStore<Long, Issue> store =
          SyncStore.of(IssueSync.TYPE)
              .remote(b.build())
              .scheduler(new VirtualScheduler())
              .notifyOn(Runnable::run)
              .build();
      store.refetch(1L).get(10, TimeUnit.SECONDS);
      Issue after =
          store.update(1L, IssuePatch.empty().title("Mine")).result().get(10, TimeUnit.SECONDS);
      assertEquals("Mine", after.getTitle());
      assertEquals(Instant.parse(t3), after.getUpdatedAt());
      assertEquals(
          new BigDecimal("12.50"),
          after.getAmount(),
          jackson + ": issue 12 value fidelity: the 412 body's 12.50 keeps its scale");
      assertEquals(2, server.writes().size());
    }
  }
}
