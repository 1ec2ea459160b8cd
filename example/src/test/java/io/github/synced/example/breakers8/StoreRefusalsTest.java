package io.github.synced.example.breakers8;

import static io.github.synced.example.breakers8.Repos.repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Write;
import io.github.synced.testing.VirtualScheduler;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What the store refuses, and that a refusal leaves nothing behind: a patch setting the version
 * (F5), a value the entity's setter refuses (F13), unknown ids, local edits of synced fields,
 * answers for another id, a remote that throws. From the outside tester of issue 8 (scratch
 * StoreScenariosTest, ProbesTest and MoreProbesTest).
 */
class StoreRefusalsTest {
  private final VirtualScheduler clock = new VirtualScheduler();
  private final ScriptedRemote<Long, Repo> remote = new ScriptedRemote<>();
  private final SyncStore<Long, Repo> store = Repos.store(remote, clock);
  private final RepoMutations repos = new RepoMutations(store);

  private void assertUntouched(long version) {
    Repo now = store.get(1L).orElseThrow();
    assertEquals("a", now.getName());
    assertEquals(0, now.getStars());
    assertEquals(version, now.getVersion());
    assertTrue(store.pending().isEmpty(), () -> "pending: " + store.pending());
    assertEquals(0, remote.sentCount(), "nothing sent");
  }

  /** Asserts that {@code edit} throws {@code type} with a message naming each of {@code named}. */
  private static <T extends Throwable> T refused(Class<T> type, Executable edit, String... named) {
    T e = assertThrows(type, edit);
    for (String part : named) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
    return e;
  }

  /** F5: the version is the server's; a patch setting it is refused as modify's updater is. */
  @Test
  void patchThatSetsTheVersionIsRefusedNamingEntityIdAndField() {
    store.load(List.of(repo(1, "a", "", 0, 5)));
    refused(
        IllegalArgumentException.class,
        () -> repos.update(1L, p -> p.version(1)),
        "Repo",
        "'1'",
        "'version'");
    assertThrows(
        IllegalArgumentException.class, () -> repos.update(1L, p -> p.stars(3).version(1)));
    assertThrows(IllegalArgumentException.class, () -> repos.modify(1L, r -> r.setVersion(1)));
    assertUntouched(5);
  }

  @Test
  void patchThatSetsTheIdOrNothingAndUpdaterThatChangesTheIdAreRefused() {
    store.load(List.of(repo(1, "a", "", 0, 5)));
    assertThrows(IllegalArgumentException.class, () -> repos.update(1L, p -> p.id(5)));
    assertThrows(IllegalArgumentException.class, () -> repos.update(1L, p -> p));
    assertThrows(IllegalArgumentException.class, () -> repos.modify(1L, r -> r.setId(9)));
    assertThrows(IllegalArgumentException.class, () -> repos.modify(1L, r -> r.setVersion(100)));
    assertUntouched(5);
    assertTrue(store.get(9L).isEmpty());
  }

  /** F13: the entity's own refusal comes out naming the entity, the id and the field. */
  @Test
  void valueTheSetterRefusesFailsFastNamingEntityIdAndField() {
    store.load(List.of(repo(1, "a", "", 0, 1)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> repos.update(1L, p -> p.name(" ")));
    assertTrue(e.getMessage().startsWith("Repo '1', field 'name': "), e.getMessage());
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertEquals("repo name must not be blank", e.getCause().getMessage());
    IllegalArgumentException multi =
        refused(
            IllegalArgumentException.class,
            () -> repos.update(1L, p -> p.stars(4).name("")),
            "'name'");
    assertTrue(multi.getMessage().startsWith("Repo '1'"), multi.getMessage());
    assertUntouched(1);
  }

  @Test
  void unknownIdIsNamed() {
    store.load(List.of(repo(1, "a", "", 0, 1)));
    refused(NoSuchElementException.class, () -> repos.update(404L, p -> p.stars(1)), "404");
    refused(NoSuchElementException.class, () -> repos.local(404L, r -> r.setExpanded(true)), "404");
    assertUntouched(1);
  }

  @Test
  void localEditThatTouchesASyncedFieldIsRefusedNamingTheField() {
    store.load(List.of(repo(1, "a", "", 0, 1)));
    refused(IllegalArgumentException.class, () -> repos.local(1L, r -> r.setStars(5)), "stars");
    assertFalse(store.get(1L).orElseThrow().isExpanded());
    assertUntouched(1);
  }

  @Test
  void handedOutEntitiesNeverChangeTheStore() {
    store.load(List.of(repo(1, "a", "", 0, 1)));
    Repo r = store.get(1L).orElseThrow();
    r.setStars(1000);
    assertUntouched(1);
  }

  @Test
  void answerForAnotherIdIsBadServerDataAndAddsNoEntity() {
    store.load(List.of(repo(1, "a", "", 0, 1)));
    Mutation<Long, Repo> m = repos.update(1L, p -> p.stars(2));
    remote.sent(0).answer().complete(Reply.entity(repo(2, "a", "", 2, 2)));
    assertTrue(store.get(2L).isEmpty(), "another entity must not appear from a bad answer");
    assertEquals(List.of(1L), store.all().stream().map(Repo::getId).toList());
    assertEquals(1, remote.fetches.size(), "README: asks the server's state");
    assertEquals(1L, remote.fetches.get(0).id());
    assertEquals(2, store.get(1L).orElseThrow().getStars(), "the effect stays while it asks");
    assertFalse(m.isSettled());
  }

  @Test
  void recordEntityRefusesANegativeAmountAndKeepsItsLocalOnlyComponent() {
    ScriptedRemote<Long, Invoice> inv = new ScriptedRemote<>();
    SyncStore<Long, Invoice> invoicesStore =
        SyncStore.of(InvoiceSync.TYPE).remote(inv).scheduler(clock).notifyOn(Runnable::run).build();
    InvoiceMutations invoices = new InvoiceMutations(invoicesStore);
    invoicesStore.load(List.of(new Invoice(1, "acme", 100, "draft", 1, false)));
    invoices.localWith(
        1L, i -> new Invoice(i.id(), i.customer(), i.amountCents(), i.status(), i.version(), true));
    Mutation<Long, Invoice> m = invoices.update(1L, p -> p.status("open"));
    Mutation<Long, Invoice> m2 =
        invoices.modifyWith(
            1L,
            i ->
                new Invoice(
                    i.id(),
                    i.customer(),
                    i.amountCents() + 50,
                    i.status(),
                    i.version(),
                    i.selected()));
    inv.sent(0).answer().complete(Reply.entity(new Invoice(1, "acme", 100, "open", 2, false)));
    Invoice now = invoicesStore.get(1L).orElseThrow();
    assertTrue(now.selected(), "local-only kept though the server said false");
    assertEquals(150, now.amountCents());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> invoices.update(1L, p -> p.amountCents(-1)));
    assertTrue(e.getMessage().startsWith("Invoice '1'"), e.getMessage());
    assertEquals(150, invoicesStore.get(1L).orElseThrow().amountCents());
    assertEquals(2, inv.sentCount(), "the refused one is not sent");
    inv.sent(1).answer().complete(Reply.entity(new Invoice(1, "acme", 150, "open", 3, false)));
    assertEquals(MutationState.CONFIRMED, m2.state());
    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(invoicesStore.get(1L).orElseThrow().selected());
  }

  /** README: USER_CODE, "your code threw (... a Remote)": settled, and the store keeps working. */
  @Test
  void remoteThatThrowsFromSendSettlesTheMutationAsUserCode() {
    Remote<Long, Repo> throwing =
        new Remote<>() {
          @Override
          public CompletionStage<Reply<Repo>> send(Write<Long, Repo> write) {
            throw new IllegalStateException("my remote bug");
          }

          @Override
          public CompletionStage<Optional<Repo>> fetch(Long id) {
            throw new IllegalStateException("my fetch bug");
          }

          @Override
          public CompletionStage<List<Repo>> fetchAll() {
            throw new IllegalStateException("my fetchAll bug");
          }
        };
    SyncStore<Long, Repo> s = Repos.store(throwing, clock);
    s.load(List.of(repo(1, "a", "", 0, 1)));
    Mutation<Long, Repo> m = new RepoMutations(s).update(1L, p -> p.stars(1));
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals(SyncFailure.Kind.USER_CODE, m.error().orElseThrow().kind());
    assertEquals(0, s.get(1L).orElseThrow().getStars());
    CompletableFuture<Void> r = s.refetch();
    assertTrue(r.isCompletedExceptionally());
    assertEquals(1, s.all().size(), "the store keeps working");
    assertEquals(
        MutationState.ROLLED_BACK, new RepoMutations(s).update(1L, p -> p.stars(2)).state());
  }
}
