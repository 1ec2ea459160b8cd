package io.github.synced.example.breakers11b;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.runtime.Query;
import io.github.synced.runtime.QueryState;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Shared helpers. */
final class Fixtures {
  private Fixtures() {}

  record ByDone(boolean done) {}

  record All() {}

  static HttpRemote<Long, Note> notes(JsonServer server, int limit) {
    return HttpRemote.<Long, Note>builder(server.uri(), "/notes", new NoteJson())
        .dialect(
            Dialect.plainJson().toBuilder()
                .listQuery("_page=1&_limit=" + limit)
                .paging(Dialect.Paging.linkHeader())
                .deduplicatesByKey(false)
                .build())
        .requestTimeout(Duration.ofMillis(700))
        .build();
  }

  static void seed(JsonServer server, int n) {
    for (int i = 1; i <= n; i++) {
      ObjectNode row = JsonServer.JSON.createObjectNode();
      row.put("text", "note " + i).put("done", i % 3 == 0).put("kind", "WORK");
      row.putArray("tags");
      server.put("notes", row);
    }
  }

  static List<Long> ids(QueryState<Note> s) {
    return s.items().stream().map(Note::getId).toList();
  }

  static List<Long> ids(Query<?, Long, Note> q) {
    return ids(q.state());
  }

  static List<Long> serverIds(JsonServer server, Boolean done) {
    return server.rows("notes").stream()
        .filter(r -> done == null || r.get("done").asBoolean() == done)
        .map(r -> r.get("id").asLong())
        .toList();
  }

  /**
   * Polls {@code cond} for up to {@code seconds}; fails with {@code why.get()} if it never holds.
   */
  static void await(int seconds, BooleanSupplier cond, Supplier<String> why) {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < end) {
      if (cond.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
    fail("within " + seconds + " s: " + why.get());
  }
}
