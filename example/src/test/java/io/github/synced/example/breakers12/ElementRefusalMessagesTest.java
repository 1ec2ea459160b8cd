package io.github.synced.example.breakers12;

import static io.github.synced.example.breakers12.Fixtures.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.SyncStore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad element edits are refused with a message naming entity, id, field and element. */
class ElementRefusalMessagesTest {
  HeldRemote<String, Issue> remote;
  SyncStore<String, Issue> store;
  IssueMutations issues;

  @BeforeEach
  void open() {
    remote = new HeldRemote<>(i -> i.id);
    store = SyncStore.of(IssueSync.TYPE).remote(remote).notifyOn(Runnable::run).build();
    issues = new IssueMutations(store);
    store.load(
        List.of(
            new Issue(
                "i1",
                "Checkout broken",
                new Person("u1", "Ann", "ann@x.io"),
                List.of(
                    new SubIssue("s1", "Repro", "todo", 1),
                    new SubIssue("s2", "Fix", "todo", 3),
                    new SubIssue("s3", "Test", "todo", 2)),
                1)));
    issues.local("i1", i -> i.sub("s2").expanded = true);
  }

  void assertNames(String message, String... words) {
    for (String w : words) {
      assertTrue(message != null && message.contains(w), "'" + w + "' missing from: " + message);
    }
    Issue i = store.get("i1").orElseThrow();
    assertEquals(List.of("s1", "s2", "s3"), i.subIds(), "store unchanged");
    assertTrue(i.sub("s2").expanded, "local-only unchanged");
    assertTrue(store.pending().isEmpty(), "nothing left pending: " + store.pending());
    assertTrue(remote.sent.isEmpty(), "nothing sent");
  }

  @Test
  void updateOfAnElementThatIsNotThere() {
    String m =
        refusal(
            () ->
                issues.update("i1", p -> p.editSubIssues(s -> s.update("s9", x -> x.title("x")))));
    assertNames(m, "Issue", "i1", "subIssues", "s9");
  }

  @Test
  void addPastTheEnd() {
    String m =
        refusal(
            () ->
                issues.update(
                    "i1", p -> p.editSubIssues(s -> s.add(4, new SubIssue("s4", "x", "todo", 0)))));
    assertNames(m, "Issue", "i1", "subIssues", "4");
  }

  @Test
  void addBelowZero() {
    String m =
        refusal(
            () ->
                issues.update(
                    "i1",
                    p -> p.editSubIssues(s -> s.add(-1, new SubIssue("s4", "x", "todo", 0)))));
    assertNames(m, "Issue", "i1", "subIssues", "-1");
  }

  @Test
  void addOfNull() {
    String m = refusal(() -> issues.update("i1", p -> p.editSubIssues(s -> s.add(null))));
    assertNames(m, "Issue", "i1", "subIssues", "null");
  }

  @Test
  void addOfAnElementWithoutItsId() {
    String m =
        refusal(
            () ->
                issues.update(
                    "i1", p -> p.editSubIssues(s -> s.add(new SubIssue(null, "x", "todo", 0)))));
    assertNames(m, "Issue", "i1", "subIssues", "id");
  }

  @Test
  void addOfAnIdThatIsThere() {
    String m =
        refusal(
            () ->
                issues.update(
                    "i1", p -> p.editSubIssues(s -> s.add(new SubIssue("s2", "x", "todo", 0)))));
    assertNames(m, "Issue", "i1", "subIssues", "s2");
  }

  @Test
  void updateThatChangesAnElementsId() {
    String m =
        refusal(
            () -> issues.update("i1", p -> p.editSubIssues(s -> s.update("s1", x -> x.id("s7")))));
    assertNames(m, "Issue", "i1", "subIssues", "s1");
  }

  @Test
  void removeOfAnElementThatIsNotThere() {
    String m = refusal(() -> issues.update("i1", p -> p.editSubIssues(s -> s.remove("s9"))));
    assertNames(m, "Issue", "i1", "subIssues", "s9");
  }

  @Test
  void updateThatChangesTheNestedObjectsId() {
    String m = refusal(() -> issues.update("i1", p -> p.editAssignee(o -> o.id("u2"))));
    assertNames(m, "Issue", "i1", "assignee");
  }

  @Test
  void longIdsAreNamedInTheRefusal() {
    HeldRemote<Long, Order> orders = new HeldRemote<>(o -> o.id);
    SyncStore<Long, Order> os =
        SyncStore.of(OrderSync.TYPE).remote(orders).notifyOn(Runnable::run).build();
    os.load(List.of(new Order(5001L, "gift", List.of(new LineItem(101L, "MUG", 1, 1)))));
    OrderMutations om = new OrderMutations(os);
    String m =
        refusal(
            () -> om.update(5001L, p -> p.editLineItems(s -> s.update(999L, x -> x.quantity(2)))));
    assertTrue(
        m != null
            && m.contains("Order")
            && m.contains("5001")
            && m.contains("lineItems")
            && m.contains("999"),
        m);
    assertEquals(1, os.get(5001L).orElseThrow().item(101L).quantity);
  }
}
