package io.github.synced.example.breakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** UUID ids: server-assigned (temporary never sent) and client-assigned (sent and kept). */
class UuidIdsTest {
  private final VirtualScheduler clock = new VirtualScheduler();
  private final Map<String, ObjectNode> rows = new TreeMap<>();
  private final Random seeded = new Random(7);

  private Wire server() throws Exception {
    return new Wire(
        (req, ex) -> {
          synchronized (rows) {
            if (req.method().equals("POST")) {
              ObjectNode body = (ObjectNode) req.json();
              JsonNode id = body.get("id");
              String newId =
                  id == null || id.isNull()
                      ? new UUID(seeded.nextLong(), seeded.nextLong()).toString()
                      : id.asText();
              body.put("id", newId);
              body.put("version", 1);
              rows.put(newId, body);
              Wire.send(ex, 201, body.toString());
            } else if (req.method().equals("PATCH")) {
              ObjectNode row = rows.get(req.segment());
              if (row == null) {
                Wire.send(ex, 404, "{}");
                return;
              }
              ObjectNode body = (ObjectNode) req.json();
              body.remove("version");
              row.setAll(body);
              row.put("version", row.get("version").asLong() + 1);
              Wire.send(ex, 200, row.toString());
            } else {
              Wire.send(ex, 200, "[]");
            }
          }
        });
  }

  private SyncStore<UUID, BDoc> store(Wire wire, boolean clientIds) {
    SyncStore.Builder<UUID, BDoc> b =
        SyncStore.of(BDocSync.TYPE)
            .remote(HttpRemote.<UUID, BDoc>builder(wire.uri(), "/docs", new BDocJson()).build())
            .scheduler(clock)
            .retry(Drive.retry())
            .notifyOn(Runnable::run);
    if (clientIds) {
      b.clientAssignedIds();
    }
    return b.build();
  }

  @Test
  void serverAssignedUuidsNeverSendTheTemporaryOne() throws Exception {
    try (Wire wire = server()) {
      SyncStore<UUID, BDoc> store = store(wire, false);
      BDocMutations docs = new BDocMutations(store);
      for (int i = 0; i < 3; i++) {
        BDoc d = new BDoc();
        d.body = "b" + i;
        Mutation<UUID, BDoc> c = docs.create(d);
        UUID temp = c.id();
        docs.update(temp, p -> p.body("edited" + d.body));
      }
      Drive.idle(clock, store);
      for (Wire.Req r : wire.requests("POST")) {
        JsonNode id = r.json().get("id");
        assertTrue(id == null || id.isNull(), "temporary UUID on the wire: " + r);
      }
      assertEquals(3, rows.size());
      for (BDoc d : store.all()) {
        assertTrue(rows.containsKey(d.id.toString()), "store shows a server id: " + d.id);
        assertTrue(rows.get(d.id.toString()).get("body").asText().startsWith("edited"));
      }
    }
  }

  @Test
  void clientAssignedUuidsAreSentAndKept() throws Exception {
    try (Wire wire = server()) {
      SyncStore<UUID, BDoc> store = store(wire, true);
      UUID mine = new UUID(42, 43);
      BDoc d = new BDoc();
      d.id = mine;
      d.body = "x";
      Mutation<UUID, BDoc> c = new BDocMutations(store).create(d);
      Drive.idle(clock, store);
      assertEquals(MutationState.CONFIRMED, c.state(), "error=" + c.error());
      assertEquals(mine.toString(), wire.requests("POST").get(0).json().get("id").asText());
      assertEquals("x", store.get(mine).orElseThrow().body);
    }
  }
}
