package io.github.synced.example.review12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Review of 3ab6c0c (AsWritten). The README says a map of {@code @Synced} values "matches by the
 * value's id, not its key, so an element the server moves to another key keeps its state", and that
 * a property an answer to a write leaves out of "a map's value is taken as written to the object of
 * the same id". AsWritten matches a map's values by key (and then checks the id), so a server that
 * keys the map otherwise in its answer (here: by the lane's id, as many servers normalise it) gets
 * every left-out property read as a new instance has it ({@code null}, 0): rule 3, absent ≠ null.
 */
class MapValueMovedKeyAsWrittenTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          ObjectNode body = (ObjectNode) JSON.readTree(exchange.getRequestBody().readAllBytes());
          // The server keys lanes by their id and leaves out what it did not change (the
          // write's title and limit).
          ObjectNode lanes = JSON.createObjectNode();
          for (JsonNode lane : body.get("lanes")) {
            lanes.putObject(lane.get("id").asText()).put("id", lane.get("id").asText());
          }
          ObjectNode out = JSON.createObjectNode();
          out.set("lanes", lanes);
          String[] path = exchange.getRequestURI().getPath().split("/");
          out.put("id", path[path.length - 1]);
          out.put("version", 2);
          byte[] bytes = JSON.writeValueAsBytes(out);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private SyncStore<String, Deck> decks(boolean jackson3) {
    HttpRemote.Builder<String, Deck> remote =
        HttpRemote.<String, Deck>builder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "/decks",
                new DeckJson())
            .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build());
    if (jackson3) {
      remote.jackson3(new tools.jackson.databind.ObjectMapper());
    }
    return SyncStore.of(DeckSync.TYPE).remote(remote.build()).notifyOn(Runnable::run).build();
  }

  private static Deck deck() {
    Deck d = new Deck();
    d.id = "d1";
    d.name = "Sprint";
    d.version = 1;
    d.lanes = new LinkedHashMap<>();
    d.lanes.put("todo", new Lane("l1", "To do", 5));
    d.lanes.put("done", new Lane("l2", "Done", 0));
    return d;
  }

  private static Lane lane(Deck d, String id) {
    return d.lanes.values().stream().filter(l -> l.id.equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aLaneTheAnswerKeysByItsIdKeepsTheTitleAndLimitWritten() throws Exception {
    for (boolean jackson3 : new boolean[] {false, true}) {
      SyncStore<String, Deck> store = decks(jackson3);
      store.receive(deck());
      store.local("d1", d -> d.lanes.get("todo").collapsed = true);
      Map<String, Lane> lanes = new LinkedHashMap<>(deck().lanes);
      lanes.put("todo", new Lane("l1", "Backlog", 8));
      Mutation<String, Deck> m = store.update("d1", DeckPatch.empty().lanes(lanes));
      store.idle().get(10, TimeUnit.SECONDS);
      assertEquals(MutationState.CONFIRMED, m.state(), "Jackson 3: " + jackson3);

      Deck d = store.get("d1").orElseThrow();
      assertTrue(lane(d, "l1").collapsed, "matched by id, the lane keeps its local-only value");
      assertEquals("Backlog", lane(d, "l1").title, "the answer left it out: as written");
      assertEquals(8, lane(d, "l1").limit, "the answer left it out: as written");
      assertEquals("Done", lane(d, "l2").title, "the answer left it out: as written");
    }
  }
}
