package io.github.synced.example.shapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.json.JsonCodecs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Issue #10's field shapes through a real store, with the typed code the processor generated in
 * this build: a list edited in place on a draft is sent as the whole list, and every entity the
 * store hands out owns its collections.
 */
class ListingShapesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ListingJson JSON = new ListingJson();

  /** A server in memory that keeps each listing as JSON, as one behind HTTP would. */
  private static final class JsonServer implements Remote<String, Listing> {
    final Map<String, byte[]> rows = new HashMap<>();

    Listing row(String id) {
      return JsonCodecs.readEntity(MAPPER, JSON, rows.get(id), id);
    }

    @Override
    public synchronized CompletionStage<Reply<Listing>> send(Write<String, Listing> w) {
      // The patch goes over the wire as JSON, as HttpRemote sends it.
      byte[] body = JsonCodecs.writePatch(MAPPER, JSON, w.patch());
      Listing row = JsonCodecs.readPatch(MAPPER, JSON, body, w.id()).applyTo(row(w.id()));
      row.version++;
      rows.put(w.id(), JsonCodecs.writeEntity(MAPPER, JSON, row));
      return CompletableFuture.completedFuture(Reply.entity(row(w.id())));
    }

    @Override
    public synchronized CompletionStage<Optional<Listing>> fetch(String id) {
      return CompletableFuture.completedFuture(
          rows.containsKey(id) ? Optional.of(row(id)) : Optional.empty());
    }

    @Override
    public synchronized CompletionStage<List<Listing>> fetchAll() {
      List<Listing> all = new ArrayList<>();
      rows.keySet().forEach(id -> all.add(row(id)));
      return CompletableFuture.completedFuture(all);
    }
  }

  private static Listing listing() {
    Listing l = new Listing();
    l.id = "l1";
    l.title = "Bike";
    l.tags = new ArrayList<>(List.of("used", "blue"));
    l.prices = new HashMap<>(Map.of("day", new BigDecimal("12.50")));
    l.price = new Price(new BigDecimal("300"), Currency.getInstance("EUR"));
    l.note = Optional.of("no bell");
    l.photo = new byte[] {1, 2, 3};
    l.version = 1;
    return l;
  }

  @Test
  void aListEditedInPlaceOnADraftIsSentWholeAndEveryEntityOwnsItsCollections() throws Exception {
    JsonServer server = new JsonServer();
    server.rows.put("l1", JsonCodecs.writeEntity(MAPPER, JSON, listing()));
    SyncStore<String, Listing> store =
        SyncStore.of(ListingSync.TYPE).remote(server).notifyOn(Runnable::run).build();
    ListingMutations listings = new ListingMutations(store);
    store.load(List.of(server.row("l1")));
    store.local("l1", l -> l.expanded = true);

    Mutation<String, Listing> m =
        listings.modify(
            "l1",
            l -> {
              l.tags.add("bell"); // the draft's own list
              l.photo[0] = 9; // and its own array
            });
    Listing shown = m.result().get();

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(List.of("used", "blue", "bell"), server.row("l1").tags);
    assertArrayEquals(new byte[] {9, 2, 3}, server.row("l1").photo);
    assertEquals(List.of("used", "blue", "bell"), shown.tags);
    Listing view = store.get("l1").orElseThrow();
    assertTrue(view.expanded, "local-only values survive the round trip");
    assertEquals(2, view.version);

    view.tags.clear(); // a copy: the store's view is not changed behind its back
    view.prices.put("week", BigDecimal.ONE);
    assertEquals(List.of("used", "blue", "bell"), store.get("l1").orElseThrow().tags);
    assertEquals(Map.of("day", new BigDecimal("12.50")), store.get("l1").orElseThrow().prices);
  }

  @Test
  void aTypedPatchSetsWholeValuesAndTheSnapshotKeepsItsOwn() {
    Listing l = listing();
    ListingSnapshot before = ListingSync.TYPE.snapshot(l);
    ListingPatch patch =
        ListingPatch.empty()
            .tags(List.of("new"))
            .price(new Price(BigDecimal.TEN, Currency.getInstance("USD")))
            .note(Optional.empty());
    patch.applyTo(l);
    l.tags.add("mine");

    assertEquals(List.of("used", "blue"), before.tags());
    assertEquals(List.of("new"), patch.tags());
    assertEquals(List.of("new", "mine"), l.tags);
    assertEquals(
        "{\"tags\":[\"new\"],\"price\":{\"amount\":10,\"currency\":\"USD\"},\"note\":null}",
        new String(
            JsonCodecs.writePatch(MAPPER, JSON, patch), java.nio.charset.StandardCharsets.UTF_8));
    ListingSync.TYPE.restore(l, before);
    assertEquals(ListingSync.TYPE.snapshot(listing()), ListingSync.TYPE.snapshot(l));
  }
}
