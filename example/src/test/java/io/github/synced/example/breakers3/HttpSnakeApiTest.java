package io.github.synced.example.breakers3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A GitHub-like snake_case API driven through HttpRemote with either Jackson. */
class HttpSnakeApiTest {
  static final com.fasterxml.jackson.databind.ObjectMapper EXACT =
      new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(
              com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES,
              false);

  static HttpRemote<Long, Issue> remote(Loopback server, String jackson, Dialect dialect) {
    HttpRemote.Builder<Long, Issue> b =
        HttpRemote.<Long, Issue>builder(server.uri(), "/issues", new IssueJson()).dialect(dialect);
    if (jackson.equals("j3")) {
      b.jackson3(new tools.jackson.databind.ObjectMapper());
    } else {
      b.mapper(new com.fasterxml.jackson.databind.ObjectMapper());
    }
    return b.build();
  }

  static String issue(long id, String title, boolean done, String updated, String amount) {
    return "{\"id\":"
        + id
        + ",\"title\":\""
        + title
        + "\",\"is_done\":"
        + done
        + ",\"updated_at\":\""
        + updated
        + "\",\"amount\":"
        + amount
        + ",\"due_at\":\"2026-03-01T10:00:00.000000001+05:30\",\"assignee\":\"octocat\"}";
  }

  static JsonNode body(Loopback.Req r) throws Exception {
    return EXACT.readTree(r.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"j2", "j3"})
  void fullSessionAgainstSnakeCaseServer(String jackson) throws Exception {
    try (Loopback server = new Loopback()) {
      String base = server.uri().toString();
      String t0 = "2026-01-01T00:00:00.000000001Z";
      server.handler =
          r -> {
            if (r.path().equals("/issues?page=1")) {
              return Loopback.Resp.json(200, "[" + issue(1, "One", false, t0, "12.50") + "]")
                  .header("Link", "<" + base + "/issues?page=2>; rel=\"next\"");
            }
            if (r.path().equals("/issues?page=2")) {
              return Loopback.Resp.json(200, "[" + issue(2, "Two", true, t0, "0.10") + "]")
                  .header(
                      "Link",
                      "<"
                          + base
                          + "/issues?page=1>; rel=\"first\", <"
                          + base
                          + "/issues?page=1>; rel=\"prev\"");
            }
            return Loopback.Resp.json(500, "{}");
          };
      Dialect dialect =
          Dialect.plainJson().toBuilder()
              .listQuery("page=1")
              .paging(Dialect.Paging.linkHeader())
              .build();
      VirtualScheduler clock = new VirtualScheduler();
      SyncStore<Long, Issue> store =
          SyncStore.of(IssueSync.TYPE)
              .remote(remote(server, jackson, dialect))
              .scheduler(clock)
              .notifyOn(Runnable::run)
              .build();
      IssueMutations issues = new IssueMutations(store);
      store.refetch().get(10, TimeUnit.SECONDS);
      assertEquals(2, store.all().size(), "both pages read");
      Issue one = store.get(1L).orElseThrow();
      assertEquals(
          new BigDecimal("12.50"), one.getAmount(), jackson + ": numeric 12.50 keeps scale");
      assertEquals(Instant.parse(t0), one.getUpdatedAt(), jackson + ": Instant nanos");
      assertEquals(OffsetDateTime.parse("2026-03-01T10:00:00.000000001+05:30"), one.getDueAt());
      assertEquals(new BigDecimal("0.10"), store.get(2L).orElseThrow().getAmount());

      store.local(1L, i -> i.setExpanded(true));

      // update: clear assignee (null), change title
      String t1 = "2026-01-01T00:00:01.000000002Z";
      server.handler =
          r ->
              Loopback.Resp.json(
                  200, issue(1, "Renamed", false, t1, "12.50").replace("\"octocat\"", "null"));
      Mutation<Long, Issue> m = issues.update(1L, p -> p.title("Renamed").assignee(null));
      Issue confirmed = m.result().get(10, TimeUnit.SECONDS);
      Loopback.Req patch = server.writes().get(server.writes().size() - 1);
      JsonNode pb = body(patch);
      assertEquals("PATCH", patch.method());
      assertEquals("/issues/1", patch.path());
      assertEquals(2, pb.size(), "absent fields not sent: " + pb);
      assertTrue(pb.has("assignee") && pb.get("assignee").isNull(), "null is sent: " + pb);
      assertEquals(Instant.parse(t1), confirmed.getUpdatedAt());
      assertTrue(confirmed.isExpanded(), "local-only kept");

      // conflict: someone changed done; we change amount
      String t2 = "2026-01-01T00:00:02.000000003Z";
      String t3 = "2026-01-01T00:00:03.000000004Z";
      java.util.concurrent.atomic.AtomicInteger conflictCalls =
          new java.util.concurrent.atomic.AtomicInteger();
      server.handler =
          r -> {
            if (conflictCalls.getAndIncrement() == 0) {
              return Loopback.Resp.json(
                  412, issue(1, "Renamed", true, t2, "12.50").replace("\"octocat\"", "null"));
            }
            return Loopback.Resp.json(
                200, issue(1, "Renamed", true, t3, "13.00").replace("\"octocat\"", "null"));
          };
      Mutation<Long, Issue> c = issues.update(1L, p -> p.amount(new BigDecimal("13.00")));
      Issue merged = c.result().get(10, TimeUnit.SECONDS);
      assertTrue(merged.isDone(), "their done kept");
      assertEquals(new BigDecimal("13.00"), merged.getAmount(), "our amount, scale kept");
      assertEquals(Instant.parse(t3), merged.getUpdatedAt());
      assertTrue(merged.isExpanded(), "local-only kept through conflict");

      // create with a server id beyond 2^53
      server.handler =
          r -> Loopback.Resp.json(201, issue(9007199254740993L, "Created", false, t0, "0.10"));
      Issue draft = new Issue();
      draft.setTitle("Created");
      draft.setAmount(new BigDecimal("0.10"));
      draft.setExpanded(true);
      Mutation<Long, Issue> cr = store.create(draft);
      Issue created = cr.result().get(10, TimeUnit.SECONDS);
      Loopback.Req post = server.writes().get(server.writes().size() - 1);
      assertEquals("POST", post.method());
      JsonNode postBody = body(post);
      assertTrue(
          !postBody.has("id") || postBody.get("id").isNull() || postBody.get("id").asLong() == 0,
          "the temporary id is never sent: " + postBody);
      assertEquals(
          "0.10", postBody.get("amount").decimalValue().toPlainString(), postBody.toString());
      assertEquals(9007199254740993L, created.getId());
      assertTrue(store.get(9007199254740993L).isPresent());

      // delete
      server.handler = r -> new Loopback.Resp(204, java.util.Map.of(), "");
      store.delete(2L).result().get(10, TimeUnit.SECONDS);
      assertFalse(store.get(2L).isPresent());
      assertEquals("DELETE", server.writes().get(server.writes().size() - 1).method());

      store.idle().get(10, TimeUnit.SECONDS);
      assertTrue(store.get(1L).orElseThrow().isExpanded());
      for (Loopback.Req r : server.requests) {
        assertFalse(r.body().contains("expanded"), "local-only never on the wire: " + r);
      }
    }
  }
}
