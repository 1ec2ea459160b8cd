package io.github.synced.example.breakers10;

import static io.github.synced.example.breakers10.CardServer.ids;
import static io.github.synced.example.breakers10.CardServer.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Element and nested edits through HttpRemote against a Trello-like card API on loopback. */
class TrelloHttpTest {
  private TrelloServer server;
  private SyncStore<String, Card> store;

  @BeforeEach
  void start() throws Exception {
    server = new TrelloServer();
    store = server.store();
    store.refetch().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Throwable outcome(Mutation<String, Card> m) throws Exception {
    try {
      m.result().copy().get(10, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  private Card view() {
    return store.get("c1").orElseThrow();
  }

  private void expand(String id) {
    store.local("c1", c -> item(c, id).expanded = true);
  }

  private static JsonNode json(String body) throws Exception {
    return TrelloServer.JSON.readTree(body);
  }

  @Test
  void anItemEditSendsTheWholeArrayWithoutLocalOnlyFieldsAndConfirms() throws Exception {
    expand("ci1");
    Mutation<String, Card> m =
        store.update(
            "c1", CardPatch.empty().editCheckItems(s -> s.update("ci2", x -> x.name("Banner v2"))));
    assertNull(outcome(m));
    assertEquals(MutationState.CONFIRMED, m.state());
    TrelloServer.Req patch = server.patches().get(0);
    assertFalse(patch.body().contains("expanded"), patch.body());
    assertFalse(patch.body().contains("open"), patch.body());
    assertEquals(List.of("ci1", "ci2", "ci3"), TrelloServer.ids(json(patch.body())));
    assertEquals("Banner v2", TrelloServer.item(server.row(), "ci2").get("name").asText());
    assertEquals(2, view().version);
    assertTrue(item(view(), "ci1").expanded);
  }

  @Test
  void aSecondWritersChangeToAnotherItemSurvivesA412AndOursIsResent() throws Exception {
    expand("ci3");
    server.secondWriter(
        c ->
            ((com.fasterxml.jackson.databind.node.ObjectNode) TrelloServer.item(c, "ci3"))
                .put("name", "Ship it"));
    Mutation<String, Card> m =
        store.update(
            "c1", CardPatch.empty().editCheckItems(s -> s.update("ci1", x -> x.state("complete"))));
    assertNull(outcome(m));
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(2, server.patches().size(), "412 then the merged resend");
    JsonNode row = server.row();
    assertEquals("complete", TrelloServer.item(row, "ci1").get("state").asText());
    assertEquals("Ship it", TrelloServer.item(row, "ci3").get("name").asText());
    Card v = view();
    assertEquals("Ship it", item(v, "ci3").name);
    assertTrue(item(v, "ci3").expanded);
  }

  @Test
  void aVersionOnlyAnswerKeepsTheItemEditAsWrittenAndExpanded() throws Exception {
    server.answer = TrelloServer.Answer.VERSION_ONLY;
    expand("ci2");
    Mutation<String, Card> m =
        store.update(
            "c1",
            CardPatch.empty()
                .editCheckItems(
                    s ->
                        s.update("ci2", x -> x.name("Banner v2"))
                            .add(new CheckItem("ci4", "Tweet")))
                .editAssignee(a -> a.username("annlee")));
    assertNull(outcome(m));
    store.idle().get(10, TimeUnit.SECONDS);
    Card v = view();
    assertEquals(List.of("ci1", "ci2", "ci3", "ci4"), ids(v));
    assertEquals("Banner v2", item(v, "ci2").name);
    assertTrue(item(v, "ci2").expanded);
    assertEquals("annlee", v.assignee.username);
    assertEquals("Ann Lee", v.assignee.fullName);
    assertEquals(2, v.version);
  }

  @Test
  void anAnswerWithSomeFieldsOnlyKeepsTheItemsAsWritten() throws Exception {
    server.answer = TrelloServer.Answer.SOME_FIELDS;
    expand("ci1");
    Mutation<String, Card> m =
        store.update("c1", CardPatch.empty().editCheckItems(s -> s.remove("ci3")));
    assertNull(outcome(m));
    store.idle().get(10, TimeUnit.SECONDS);
    assertEquals(List.of("ci1", "ci2"), ids(view()));
    assertTrue(item(view(), "ci1").expanded);
    assertEquals(2, view().version);
  }

  @Test
  void aNoContentAnswerKeepsTheItemEdit() throws Exception {
    server.answer = TrelloServer.Answer.NO_CONTENT;
    expand("ci1");
    Mutation<String, Card> m =
        store.update(
            "c1", CardPatch.empty().editCheckItems(s -> s.update("ci1", x -> x.state("complete"))));
    assertNull(outcome(m));
    store.idle().get(10, TimeUnit.SECONDS);
    assertEquals("complete", item(view(), "ci1").state);
    assertTrue(item(view(), "ci1").expanded);
    assertEquals("complete", TrelloServer.item(server.row(), "ci1").get("state").asText());
  }

  @Test
  void aServerThatSortsAndRenumbersItemsEndsWithTheViewAsTheServerHasIt() throws Exception {
    server.sortItems = true;
    server.renumber = true;
    expand("ci2");
    Mutation<String, Card> m =
        store.update(
            "c1",
            CardPatch.empty()
                .editCheckItems(
                    s ->
                        s.update("ci1", x -> x.state("complete"))
                            .add(new CheckItem("tmp-1", "Tweet"))));
    assertNull(outcome(m));
    store.idle().get(10, TimeUnit.SECONDS);
    List<String> serverIds = TrelloServer.ids(server.row());
    assertEquals(List.of("ci2", "ci3", "ci100", "ci1"), serverIds);
    assertEquals(serverIds, ids(view()));
    assertTrue(item(view(), "ci2").expanded);
    assertEquals("complete", item(view(), "ci1").state);
  }

  @Test
  void twoItemEditsInFlightTheFirstRefused422TheSecondNeverCarriesIt() throws Exception {
    server.reject = b -> b.contains("!!");
    expand("ci2");
    Mutation<String, Card> bad =
        store.update(
            "c1", CardPatch.empty().editCheckItems(s -> s.update("ci1", x -> x.name("bad!!"))));
    Mutation<String, Card> good =
        store.update(
            "c1", CardPatch.empty().editCheckItems(s -> s.update("ci2", x -> x.name("Banner v2"))));
    Throwable failure = outcome(bad);
    assertTrue(failure instanceof SyncFailure, String.valueOf(failure));
    assertEquals(SyncFailure.Kind.REJECTED, ((SyncFailure) failure).kind());
    assertNull(outcome(good));
    List<TrelloServer.Req> patches = server.patches();
    assertEquals(2, patches.size());
    assertFalse(patches.get(1).body().contains("!!"), patches.get(1).body());
    JsonNode row = server.row();
    assertEquals("Write copy", TrelloServer.item(row, "ci1").get("name").asText());
    assertEquals("Banner v2", TrelloServer.item(row, "ci2").get("name").asText());
    assertEquals("Write copy", item(view(), "ci1").name);
    assertTrue(item(view(), "ci2").expanded);
  }

  @Test
  void theServerClearedTheAssigneeAndOurRenameNeverSendsAnAssigneeWithoutAnId() throws Exception {
    server.secondWriter(c -> c.putNull("assignee"));
    Mutation<String, Card> m =
        store.update("c1", CardPatch.empty().editAssignee(a -> a.fullName("Ann B. Lee")));
    outcome(m);
    store.idle().get(10, TimeUnit.SECONDS);
    for (TrelloServer.Req r : server.patches()) {
      JsonNode a = json(r.body()).get("assignee");
      assertTrue(
          a == null || a.isNull() || a.hasNonNull("id"),
          "an assignee without an id was sent: " + r.body());
    }
    assertTrue(server.row().get("assignee").isNull(), server.row().toString());
    assertNull(view().assignee);
  }

  @Test
  void aListWithTheSameItemIdTwiceIsBadServerDataNamingTheFieldAndTheStoreIsUnchanged()
      throws Exception {
    expand("ci1");
    JsonNode row = server.row();
    ((ArrayNode) row.get("checkItems")).add(TrelloServer.item("ci1", "Again", "incomplete"));
    server.rawList = "[" + row + "]";
    Throwable failure = null;
    try {
      store.refetch().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      failure = e.getCause();
    }
    assertNotNull(failure, "the refetch took a list with a duplicate id");
    String msg = String.valueOf(failure.getMessage());
    assertTrue(msg.contains("checkItems") && msg.contains("ci1"), msg);
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(view()));
    assertTrue(item(view(), "ci1").expanded);
  }

  @Test
  void aListWithANullItemIsBadServerDataNamingTheFieldAndTheIndex() throws Exception {
    JsonNode row = server.row();
    ((ArrayNode) row.get("checkItems")).insert(1, TrelloServer.JSON.nullNode());
    server.rawList = "[" + row + "]";
    Throwable failure = null;
    try {
      store.refetch().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      failure = e.getCause();
    }
    assertNotNull(failure, "the refetch took a null element");
    String msg = String.valueOf(failure.getMessage());
    assertTrue(msg.contains("checkItems") && msg.contains("1"), msg);
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(view()));
  }

  @Test
  void unknownFieldsOfItemsInTheServersJsonAreIgnoredAndLocalOnlyNamesAreNotTaken()
      throws Exception {
    expand("ci2");
    JsonNode row = server.row();
    com.fasterxml.jackson.databind.node.ObjectNode ci2 =
        (com.fasterxml.jackson.databind.node.ObjectNode) TrelloServer.item(row, "ci2");
    ci2.put("expanded", false);
    ci2.put("pos", 16384);
    ci2.putObject("nameData").put("emoji", "x");
    ((com.fasterxml.jackson.databind.node.ObjectNode) row).put("version", 5);
    server.rawList = "[" + row + "]";
    store.refetch().get(10, TimeUnit.SECONDS);
    assertEquals(5, view().version);
    assertTrue(item(view(), "ci2").expanded, "a local-only field is never read from the server");
  }

  @Test
  void aRefetchWhileAnItemEditIsHeldAtTheServerRebasesItAndTheConflictMergesOverHttp()
      throws Exception {
    expand("ci3");
    java.util.concurrent.CompletableFuture<Void> release =
        new java.util.concurrent.CompletableFuture<>();
    server.holdNextPatch = release;
    Mutation<String, Card> m =
        store.update(
            "c1", CardPatch.empty().editCheckItems(s -> s.update("ci1", x -> x.state("complete"))));
    server.patchHeld.get(10, TimeUnit.SECONDS);
    server.secondWriter(
        c -> {
          ArrayNode items = (ArrayNode) c.get("checkItems");
          ((com.fasterxml.jackson.databind.node.ObjectNode) items.get(2)).put("name", "Ship it");
          items.insert(0, items.remove(2));
        });
    store.refetch().get(10, TimeUnit.SECONDS);
    Card rebased = view();
    assertEquals(List.of("ci3", "ci1", "ci2"), ids(rebased));
    assertEquals("complete", item(rebased, "ci1").state, "our pending edit on top");
    assertEquals("Ship it", item(rebased, "ci3").name);
    assertTrue(item(rebased, "ci3").expanded);
    release.complete(null);
    assertNull(outcome(m));
    store.idle().get(10, TimeUnit.SECONDS);
    assertEquals(2, server.patches().size(), "412, then resent on the new base");
    JsonNode row = server.row();
    assertEquals(List.of("ci3", "ci1", "ci2"), TrelloServer.ids(row));
    assertEquals("complete", TrelloServer.item(row, "ci1").get("state").asText());
    assertEquals("Ship it", TrelloServer.item(row, "ci3").get("name").asText());
    assertEquals(List.of("ci3", "ci1", "ci2"), ids(view()));
    assertTrue(item(view(), "ci3").expanded);
  }

  @Test
  void aDroppedAnswerToAnAddIsDecidedByReadingAndTheAddedItemKeepsItsExpanded() throws Exception {
    server.dropNextPatchAnswer = true;
    Mutation<String, Card> m =
        store.update(
            "c1", CardPatch.empty().editCheckItems(s -> s.add(1, new CheckItem("ci4", "Tweet"))));
    expand("ci4");
    assertNull(outcome(m), "the server has it: never reported failed");
    store.idle().get(10, TimeUnit.SECONDS);
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(List.of("ci1", "ci4", "ci2", "ci3"), TrelloServer.ids(server.row()));
    assertEquals(List.of("ci1", "ci4", "ci2", "ci3"), ids(view()));
    assertTrue(item(view(), "ci4").expanded);
  }

  @Test
  void anAnswerWhoseAssigneeLeavesOutAWrittenFieldTakesItAsWritten() throws Exception {
    server.leaveOutOfNestedAnswer = Set.of("username");
    Mutation<String, Card> m =
        store.update("c1", CardPatch.empty().editAssignee(a -> a.username("annlee")));
    assertNull(outcome(m));
    store.idle().get(10, TimeUnit.SECONDS);
    assertEquals("annlee", server.row().get("assignee").get("username").asText());
    assertEquals("annlee", view().assignee.username, "absent is not null, at every level");
    assertEquals("Ann Lee", view().assignee.fullName);
  }

  @Test
  void anAnswerWhoseItemsLeaveOutAWrittenFieldTakesItAsWritten() throws Exception {
    server.leaveOutOfNestedAnswer = Set.of("state");
    Mutation<String, Card> m =
        store.update(
            "c1", CardPatch.empty().editCheckItems(s -> s.update("ci1", x -> x.state("complete"))));
    assertNull(outcome(m));
    store.idle().get(10, TimeUnit.SECONDS);
    assertEquals("complete", TrelloServer.item(server.row(), "ci1").get("state").asText());
    assertEquals("complete", item(view(), "ci1").state, "absent is not null, at every level");
  }
}
